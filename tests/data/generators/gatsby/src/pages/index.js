import * as React from "react"

const Index = () => <main>Gatsby のブログ</main>

export default Index
