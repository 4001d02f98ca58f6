export default {
	title: "Eleventy のブログ",
	url: "https://eleventy.example.jp/",
	language: "ja",
	description: "Eleventy の検出テスト",
}
