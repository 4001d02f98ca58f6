// As gatsby-starter-blog makes its pages: one per Markdown file, at the
// path createFilePath gives it.
const path = require(`path`)
const { createFilePath } = require(`gatsby-source-filesystem`)

exports.createPages = async ({ graphql, actions, reporter }) => {
  const blogPost = path.resolve(`./src/templates/blog-post.js`)
  const result = await graphql(`
    {
      allMarkdownRemark(sort: { frontmatter: { date: ASC } }, limit: 1000) {
        nodes {
          id
          fields {
            slug
          }
        }
      }
    }
  `)
  if (result.errors) {
    reporter.panicOnBuild(`There was an error loading your blog posts`, result.errors)
    return
  }
  for (const post of result.data.allMarkdownRemark.nodes) {
    actions.createPage({
      path: post.fields.slug,
      component: blogPost,
      context: { id: post.id },
    })
  }
}

exports.onCreateNode = ({ node, actions, getNode }) => {
  if (node.internal.type === `MarkdownRemark`) {
    const value = createFilePath({ node, getNode })
    actions.createNodeField({ name: `slug`, node, value })
  }
}
