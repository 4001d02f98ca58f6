#include "site/outputs.hpp"

#include "util/file.hpp"

namespace ogfeed::site {

namespace fs = std::filesystem;

util::Expected<void>
replace_outputs(const std::vector<OutputFile>& outputs)
{
  std::vector<fs::path> temps;
  for (const auto& out : outputs) {
    auto temp = util::write_temp_file(out.path, out.bytes);
    if (!temp) {
      for (const auto& t : temps) {
        std::error_code ec;
        fs::remove(t, ec);
      }
      return tl::unexpected(temp.error());
    }
    temps.push_back(*temp);
  }
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    TRY(util::commit_temp_file(temps[i], outputs[i].path));
  }
  return {};
}

} // namespace ogfeed::site
