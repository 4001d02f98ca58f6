#include "feed/stylesheet.hpp"

#include "feed/feed_page.hpp"

namespace ogfeed::feed {

std::string
stylesheet_href(const FeedContext& context, std::string_view feed_dir)
{
  if (!context.feeds.stylesheet) {
    return {};
  }
  std::string up;
  for (const char c : feed_dir) {
    if (c == '/') {
      up += "../";
    }
  }
  return up + k_stylesheet_file;
}

const std::string&
feed_stylesheet()
{
  static const std::string text =
    std::string(R"XSL(<?xml version="1.0" encoding="utf-8"?>
<!-- ogfeed: shows an Atom or RSS 2.0 feed in a browser as a page. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" indent="yes"
      doctype-system="about:legacy-compat"/>
  <xsl:variable name="title" select="atom:feed/atom:title | rss/channel/title"/>
  <xsl:variable name="site"
      select="atom:feed/atom:link[@rel='alternate']/@href | rss/channel/link"/>
  <xsl:variable name="page"
      select="atom:feed/atom:link[@rel='related'][@type='text/html']/@href
        | rss/channel/atom:link[@rel='related'][@type='text/html']/@href"/>
  <xsl:template match="/">
    <html>
      <xsl:attribute name="lang">
        <xsl:value-of select="atom:feed/@xml:lang | rss/channel/language"/>
      </xsl:attribute>
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/>（フィード）</title>
        <style>
)XSL" + std::string(feed_page_style())
                + R"XSL(        </style>
      </head>
      <body>
        <div class="wrap">
          <p class="about">これはフィード（RSS/Atom）です。このページの URL を
            フィードリーダーに登録すると、新しい記事が届きます。</p>
          <h1><xsl:value-of select="$title"/></h1>
          <p class="subtitle">
            <xsl:value-of select="atom:feed/atom:subtitle | rss/channel/description"/>
          </p>
          <p><a href="{$site}">サイトを開く</a>
            <xsl:if test="$page">
              ・<a href="{$page}">このフィードをページで見る</a></xsl:if></p>
          <xsl:apply-templates select="atom:feed/atom:entry | rss/channel/item"/>
        </div>
      </body>
    </html>
  </xsl:template>
  <xsl:template match="atom:entry">
    <article>
      <h2><a href="{atom:link[@rel='alternate']/@href}">
        <xsl:value-of select="atom:title"/></a></h2>
      <time datetime="{atom:published}">
        <xsl:value-of select="substring(atom:published, 1, 10)"/>
      </time>
      <p class="summary"><xsl:value-of select="atom:summary"/></p>
    </article>
  </xsl:template>
  <xsl:template match="item">
    <article>
      <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
      <time><xsl:value-of select="pubDate"/></time>
      <!-- RSS descriptions are HTML; ogfeed's hold escaped text. -->
      <p class="summary"><xsl:value-of select="description"
          disable-output-escaping="yes"/></p>
    </article>
  </xsl:template>
</xsl:stylesheet>
)XSL");
  return text;
}

} // namespace ogfeed::feed
