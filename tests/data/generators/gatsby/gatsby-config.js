module.exports = {
  siteMetadata: {
    title: `Gatsby のブログ`,
    description: `Gatsby の検出テスト`,
    siteUrl: `https://gatsby.example.jp/`,
  },
  plugins: [],
}
