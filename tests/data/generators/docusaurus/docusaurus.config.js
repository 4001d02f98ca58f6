const config = {
  title: 'Docusaurus のサイト',
  tagline: 'Docusaurus の検出テスト',
  url: 'https://docusaurus.example.jp',
  baseUrl: '/site/',
};
export default config;
