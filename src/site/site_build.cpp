#include "site/site_build.hpp"

#include "content/absolute_urls.hpp"
#include "content/markdown.hpp"
#include "content/site_loader.hpp"
#include "feed/feed_plan.hpp"
#include "feed/formats.hpp"
#include "site/card_step.hpp"
#include "site/outputs.hpp"
#include "util/file.hpp"
#include "util/parallel.hpp"
#include "validate/validator.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace ogfeed::site {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t k_excerpt_chars = 140;

// Keeps the posts this build publishes and reports two posts that would
// share one permalink (feed readers would merge them).
std::vector<content::Post>
select_posts(std::vector<content::Post> posts,
             const BuildOptions& options,
             util::Diagnostics& diagnostics)
{
  std::vector<content::Post> out;
  std::map<std::string, std::string> seen; // permalink -> source path
  for (auto& post : posts) {
    if (post.draft && options.drafts == Drafts::skip) {
      continue;
    }
    if (post.date > options.now && options.future == FuturePosts::skip) {
      continue;
    }
    const auto [it, inserted] = seen.emplace(post.permalink, post.source_path);
    if (!inserted) {
      diagnostics.push_back(util::with_path(
        util::make_error("permalink '" + post.permalink + "' is also used by "
                           + it->second
                           + "; give one of them another 'slug', or add "
                             ":year/:month/:day to the site's 'permalink'",
                         1,
                         1),
        post.source_path));
      continue;
    }
    out.push_back(std::move(post));
  }
  return out;
}

// Renders the content of every post that some feed includes, on `jobs`
// threads; other posts are never rendered (nor their bodies read again).
util::Diagnostics
render_entries(std::vector<content::Post>& posts,
               const std::vector<feed::FeedPlan>& plans,
               unsigned jobs)
{
  std::set<std::size_t> needed; // indices into `posts`
  for (const auto& plan : plans) {
    for (const content::Post* p : plan.entries) {
      needed.insert(static_cast<std::size_t>(p - posts.data()));
    }
  }
  const std::vector<std::size_t> work(needed.begin(), needed.end());
  std::vector<std::optional<util::Error>> errors(work.size());
  util::parallel_for(work.size(), jobs, [&](std::size_t i) {
    content::Post& post = posts[work[i]];
    auto body = content::load_post_body(post);
    if (!body) {
      errors[i] = body.error();
      return;
    }
    post.content_html =
      content::absolutize_html(content::render_markdown(*body), post.permalink);
    if (post.description.empty()) {
      post.summary_text = content::markdown_excerpt(*body, k_excerpt_chars);
    }
  });
  util::Diagnostics out;
  for (auto& e : errors) {
    if (e) {
      out.push_back(std::move(*e));
    }
  }
  return out;
}

} // namespace

BuildReport
build_site(const BuildOptions& options)
{
  BuildReport report;
  auto config = content::load_site_config(options.site_root);
  if (!config) {
    report.diagnostics.push_back(config.error());
    return report;
  }
  report.output_dir =
    options.output_dir
      ? *options.output_dir
      : (options.site_root / config->output_dir).lexically_normal();

  content::LoadedPosts loaded =
    content::load_posts(options.site_root, *config, std::max(1U, options.jobs));
  report.diagnostics = std::move(loaded.diagnostics);
  std::vector<content::Post> posts =
    select_posts(std::move(loaded.posts), options, report.diagnostics);
  if (util::has_error(report.diagnostics)) {
    return report;
  }
  report.posts = posts.size();
  if (posts.empty()) {
    report.diagnostics.push_back(util::make_warning(
      "no posts to publish in '"
      + (options.site_root / config->content_dir).lexically_normal().string()
      + "'"));
  }

  std::vector<OutputFile> outputs;
  if (config->cards.enabled && options.cards == Cards::as_configured
      && !posts.empty()) {
    CardStepResult cards =
      build_cards(posts,
                  *config,
                  report.output_dir,
                  {options.template_dirs, options.font_dirs, options.jobs});
    report.diagnostics.insert(report.diagnostics.end(),
                              cards.diagnostics.begin(),
                              cards.diagnostics.end());
    if (util::has_error(report.diagnostics)) {
      return report;
    }
    report.cards_rendered = cards.rendered;
    report.cards_reused = cards.reused;
    outputs = std::move(cards.outputs);
  }

  const std::vector<feed::FeedPlan> plans = feed::plan_feeds(posts, *config);
  for (auto& e : render_entries(posts, plans, options.jobs)) {
    report.diagnostics.push_back(std::move(e));
  }
  if (util::has_error(report.diagnostics)) {
    return report;
  }

  for (const auto& format : feed::feed_formats()) {
    const auto& wanted = config->feeds.formats;
    if (std::find(wanted.begin(), wanted.end(), format.name) == wanted.end()) {
      continue;
    }
    const std::string& file = config->feeds.*format.file_name;
    for (const auto& plan : plans) {
      const std::string self = config->base_url + plan.url_dir + file;
      ++report.feeds;
      outputs.push_back({report.output_dir / fs::u8path(plan.dir) / file,
                         format.write(plan, *config, self)});
    }
  }
  // Check every feed as any reader would before it replaces the old one.
  std::vector<validate::Report> checked(outputs.size());
  util::parallel_for(outputs.size(), options.jobs, [&](std::size_t i) {
    const fs::path& path = outputs[i].path;
    if (path.extension() == ".xml" || path.filename() == config->feeds.atom_file
        || path.filename() == config->feeds.rss_file) {
      checked[i] =
        validate::validate_bytes(path.string(), outputs[i].bytes, options.now);
    }
  });
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    for (const auto& f : checked[i].findings) {
      report.diagnostics.push_back(
        util::Diagnostic{f.severity,
                         outputs[i].path.string(),
                         f.line,
                         f.column,
                         "generated feed fails " + f.rule + ": " + f.message});
    }
  }
  if (util::has_error(report.diagnostics)) {
    return report;
  }
  if (auto ok = replace_outputs(outputs); !ok) {
    report.diagnostics.push_back(ok.error());
    return report;
  }
  for (auto& out : outputs) {
    report.written.push_back(std::move(out.path));
  }
  return report;
}

} // namespace ogfeed::site
