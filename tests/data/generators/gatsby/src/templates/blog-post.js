import * as React from "react"
import { graphql } from "gatsby"

const BlogPostTemplate = ({ data: { markdownRemark: post } }) => (
  <article>
    <h1>{post.frontmatter.title}</h1>
    <section dangerouslySetInnerHTML={{ __html: post.html }} />
  </article>
)

export default BlogPostTemplate

export const pageQuery = graphql`
  query BlogPostBySlug($id: String!) {
    markdownRemark(id: { eq: $id }) {
      html
      frontmatter {
        title
      }
    }
  }
`
