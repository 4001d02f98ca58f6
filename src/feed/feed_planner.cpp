#include "feed/feed_planner.hpp"

#include "util/ascii.hpp"
#include "util/language_tag.hpp"
#include "util/name_fold.hpp"
#include "util/url.hpp"
#include "util/utf8.hpp"

#include <algorithm>
#include <map>

namespace ogfeed::feed {

namespace {

struct Group
{
  std::string name;   // the first spelling seen
  std::string folder; // its folder
  std::vector<std::string> spellings;
  std::vector<const content::Post*> posts;
};

void
add_taxonomy(std::vector<FeedPlan>& plans,
             const std::vector<content::Post>& posts,
             const content::SiteConfig& config,
             std::vector<std::string> content::Post::*field,
             const std::string& folder,
             util::Diagnostics* notes)
{
  // Keyed by folder in any case and Unicode form: "Go" and "go" share one
  // feed (two folders differing only so are one on many file systems and
  // servers, and one name to a reader).
  std::map<std::string, Group> groups;
  for (const auto& post : posts) {
    for (const auto& name : post.*field) {
      const std::string dir = taxonomy_folder(name);
      Group& g = groups[util::fold_name(dir)];
      if (g.name.empty()) {
        g.name = name;
        g.folder = dir;
      }
      if (dir != g.folder
          && std::find(g.spellings.begin(), g.spellings.end(), name)
               == g.spellings.end()) {
        g.spellings.push_back(name); // another case of the folder's name
      }
      if (g.posts.size() < static_cast<std::size_t>(config.feeds.limit)
          && (g.posts.empty() || g.posts.back() != &post)) {
        g.posts.push_back(&post);
      }
    }
  }
  for (auto& [key, group] : groups) {
    const std::string& dir_name = group.folder;
    if (!group.spellings.empty() && notes != nullptr) {
      std::string all = "'" + group.name + "'";
      for (const auto& s : group.spellings) {
        all += ", '" + s + "'";
      }
      notes->push_back(util::make_warning(
        folder + " " + all
        + " differ only by case or Unicode form; they share one feed, " + folder
        + "/" + dir_name + "/"));
    }
    FeedPlan plan;
    plan.title = config.title + " - " + group.name;
    plan.subtitle = config.subtitle;
    plan.dir = folder + "/" + dir_name + "/";
    plan.url_dir = folder + "/" + util::percent_encode(dir_name) + "/";
    plan.alternate = config.base_url + plan.url_dir;
    plan.language = config.language;
    plan.posts = std::move(group.posts);
    plans.push_back(std::move(plan));
  }
}

std::string
archive_folder(std::size_t number)
{
  return "archive/" + std::to_string(number) + "/";
}

// Splits the posts, oldest first, into full archive documents of `limit`
// posts, linked to each other and to the subscription feed `main`.
void
add_archives(std::vector<FeedPlan>& plans,
             const std::vector<const content::Post*>& posts,
             const content::SiteConfig& config)
{
  const auto limit = static_cast<std::size_t>(config.feeds.limit);
  const std::size_t count = posts.size() / limit;
  if (count == 0) {
    return;
  }
  plans.front().history = FeedHistory{false, "", archive_folder(count), {}};
  for (std::size_t n = 1; n <= count; ++n) {
    FeedPlan page;
    page.title = config.title;
    page.subtitle = config.subtitle;
    page.dir = archive_folder(n);
    page.url_dir = page.dir;
    page.alternate = config.base_url;
    page.language = config.language;
    // Oldest first: posts[size - 1] is the oldest. Each document lists
    // its posts newest first, as feeds do.
    const std::size_t oldest = posts.size() - (n - 1) * limit;
    for (std::size_t i = oldest - limit; i < oldest; ++i) {
      page.posts.push_back(posts[i]);
    }
    FeedHistory history;
    history.archive = true;
    history.current = "";
    if (n > 1) {
      history.prev = archive_folder(n - 1);
    }
    if (n < count) {
      history.next = archive_folder(n + 1);
    }
    page.history = std::move(history);
    plans.push_back(std::move(page));
  }
}

// The feed of a post in another language than the site's.
FeedPlan&
language_plan(std::map<std::string, FeedPlan>& others,
              const content::Post& post,
              const content::SiteConfig& config)
{
  const HomeFeed home = home_feed(post, config);
  FeedPlan& plan = others[home.dir];
  if (plan.posts.empty()) {
    plan.title = home.title;
    plan.subtitle = config.subtitle;
    plan.dir = home.dir;
    plan.url_dir = home.dir;
    plan.alternate = config.base_url + home.dir;
    plan.language = home.language;
    plan.home = true;
  }
  return plan;
}

} // namespace

std::string
taxonomy_folder(const std::string& name)
{
  std::string out;
  for (const char c : name) {
    out += c == '/' || c == '\\' ? '-' : c;
  }
  if (out.find_first_not_of('.') == std::string::npos) {
    std::string spelled;
    for (std::size_t i = 0; i < std::max<std::size_t>(out.size(), 1); ++i) {
      spelled += "%2E";
    }
    out = spelled;
  }
  return std::string(util::utf8_prefix(out, 200));
}

HomeFeed
home_feed(const content::Post& post, const content::SiteConfig& config)
{
  HomeFeed home{"", config.title, config.language};
  if (!config.feeds.per_language || post.language.empty()
      || util::same_language(post.language, config.language)) {
    return home;
  }
  // Hugo's folder, title and tag for the language ("en/"), else its
  // tag's ("en-us/").
  home.dir = util::ascii_lower(post.language) + "/";
  home.language = post.language;
  for (const auto* languages :
       {&config.file_languages, &config.content_languages}) {
    for (const auto& [key, lang] : *languages) {
      if (util::same_language(lang.language, post.language)) {
        home.dir = lang.url_prefix;
        home.language = lang.language;
      }
    }
  }
  home.title = content::site_title_in(config, post.language);
  return home;
}

std::vector<FeedPlan>
plan_feeds(const std::vector<content::Post>& posts,
           const content::SiteConfig& config,
           util::Diagnostics* notes)
{
  const auto limit = static_cast<std::size_t>(config.feeds.limit);
  std::vector<FeedPlan> plans;
  FeedPlan main;
  main.title = config.title;
  main.subtitle = config.subtitle;
  main.alternate = config.base_url;
  main.language = config.language;
  main.home = true;
  // By language folder ("en"): the feeds of posts in other languages.
  std::map<std::string, FeedPlan> others;
  std::vector<const content::Post*> own; // every post in the main feed's
                                         // language, for its archive
  for (const auto& post : posts) {
    const bool is_own = home_feed(post, config).dir.empty();
    FeedPlan* plan = &main;
    if (is_own) {
      own.push_back(&post);
    } else {
      plan = &language_plan(others, post, config);
    }
    if (plan->posts.size() < limit) {
      plan->posts.push_back(&post);
    }
  }
  plans.push_back(std::move(main));
  if (config.feeds.archive) {
    add_archives(plans, own, config);
  }
  for (auto& [folder, plan] : others) {
    plans.push_back(std::move(plan));
  }
  if (config.feeds.per_tag) {
    add_taxonomy(plans, posts, config, &content::Post::tags, "tags", notes);
  }
  if (config.feeds.per_category) {
    add_taxonomy(
      plans, posts, config, &content::Post::categories, "categories", notes);
  }
  return plans;
}

} // namespace ogfeed::feed
