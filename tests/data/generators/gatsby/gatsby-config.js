const path = require(`path`)

module.exports = {
  siteMetadata: {
    title: `Gatsby のブログ`,
    description: `gatsby-source-filesystem が名指すフォルダ`,
    siteUrl: `https://gatsby.example.jp`,
  },
  plugins: [
    {
      resolve: `gatsby-source-filesystem`,
      options: {
        name: `images`,
        path: `${__dirname}/src/images`,
      },
    },
    {
      resolve: `gatsby-source-filesystem`,
      options: {
        path: path.join(__dirname, `writing`),
        name: `blog`,
      },
    },
    `gatsby-transformer-remark`,
  ],
}
