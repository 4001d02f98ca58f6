// An Eleventy site in two languages, as dev-protocol/initto lays one out:
// each language's posts collected by glob, their URLs from a directory data
// file's permalink template and a value of the folder above it.
export default function (config) {
  config.addCollection("posts", (collection) =>
    collection.getFilteredByGlob(["./src/en/posts/*.md", "./src/ja/posts/*.md"])
  );
}

export const config = {
  dir: { input: "src", output: "dist" },
};
