#pragma once

// The publish journal: the steps an output transaction takes to publish a
// build (files moved into place, earlier outputs removed), written before
// the first of them, so that a build killed halfway is finished by the
// next one. Internal to src/site (output_transaction.cpp).

#include "site/output_manifest.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::site::detail {

// The state files a journal may replace, and nothing else.
constexpr std::string_view k_manifest_file = "manifest";
constexpr std::string_view k_output_file = "output";

// One step of a journal: move a staged file into place, or remove an output
// of an earlier build when it still holds the bytes ogfeed wrote.
struct JournalStep
{
  // put: a staged file into the output folder; state: a staged file over
  // one of the state folder's own (manifest, output); remove: an output.
  enum class Kind { put, state, remove } kind = Kind::put;
  std::string staged;     // put, state: file name in the staging folder
  std::string rel;        // path relative to the output or state folder
  ManifestEntry expected; // remove: what ogfeed wrote there
};

// Where staged files wait: in the state folder, or, when the output folder
// is on another file system (a rename cannot cross), in a folder in the
// output folder, so a full disk still fails before publishing.
enum class StagingIn { state, output };

struct Journal
{
  StagingIn staging = StagingIn::state;
  std::vector<JournalStep> steps;
};

// A staged name is one our counter made: digits only.
bool is_staged_name(std::string_view name);

// The journal's file: a state file (util/state_file.hpp).
std::string format_journal(const std::vector<JournalStep>& steps,
                           StagingIn staging);

// The journal in `file`, or nullopt when it is not a whole journal or names
// anything but plain paths below its folders.
std::optional<Journal> parse_journal(std::string_view file);

} // namespace ogfeed::site::detail
