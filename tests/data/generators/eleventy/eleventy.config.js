export default async function(eleventyConfig) {
	eleventyConfig.addPassthroughCopy({ "./public/": "/" });
	// As eleventy-base-blog does: `draft: true` is left out of builds.
	eleventyConfig.addPreprocessor("drafts", "*", (data, content) => {
		if (data.draft && process.env.ELEVENTY_RUN_MODE === "build") {
			return false;
		}
	});
};

export const config = {
	dir: {
		input: "content",
		includes: "../_includes",
		data: "../_data",
		output: "_site"
	},
};
