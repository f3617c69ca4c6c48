#include "dorado/config/content_hash.hpp"

#include <gtest/gtest.h>

#include "config/config_folder.hpp"
#include "dorado/config/loader.hpp"
#include "dorado/digest/sha256.hpp"

namespace dorado::config {
namespace {

using testing::ScratchFolder;

TEST(ContentHash, DefinedOverPathsAndBytesInPathOrder) {
  const std::string a = content_hash({{"a.yaml", "x: 1\n"}, {"b.yaml", "y: 2\n"}});
  // Independent of the order the files are given in.
  EXPECT_EQ(a, content_hash({{"b.yaml", "y: 2\n"}, {"a.yaml", "x: 1\n"}}));
  // The framing: "path\0size\0bytes" per file, in path order.
  using namespace std::string_literals;
  EXPECT_EQ(a, digest::sha256_hex("a.yaml\0"s
                                  "5\0"s
                                  "x: 1\n"s
                                  "b.yaml\0"s
                                  "5\0"s
                                  "y: 2\n"s));
  // Renaming a file or moving bytes between files changes it.
  EXPECT_NE(a, content_hash({{"a.yaml", "x: 1\n"}, {"c.yaml", "y: 2\n"}}));
  EXPECT_NE(a, content_hash({{"a.yaml", "x: 1\ny"}, {"b.yaml", ": 2\n"}}));
}

TEST(ContentHash, StableWhenNothingChanges) {
  ScratchFolder first, second;
  const std::string h = load_config_folder(first.path()).content_hash;
  EXPECT_EQ(h, load_config_folder(first.path()).content_hash);
  EXPECT_EQ(h, load_config_folder(second.path()).content_hash);  // location is not content
  EXPECT_EQ(h, load_config_folder(testing::shipped_config()).content_hash);
}

TEST(ContentHash, ChangesWhenAnyByteOfAnyFileChanges) {
  ScratchFolder folder;
  const std::string original = load_config_folder(folder.path()).content_hash;
  for (const std::string file :
       {"dorado.yaml", "universe.yaml", "risk_policy.yaml", "scoring_weights.yaml",
        "bots/spy-ic-01.yaml", "strategies/iron_condor.yaml"}) {
    const std::string text = folder.read(file);
    // A comment edit still changes the configuration's identity.
    folder.write(file, text + "#");
    EXPECT_NE(load_config_folder(folder.path()).content_hash, original) << file;
    std::string flipped = text;
    flipped[0] = static_cast<char>(flipped[0] ^ 1);
    folder.write(file, flipped);
    EXPECT_NE(load_config_folder(folder.path()).content_hash, original) << file;
    folder.write(file, text);
    EXPECT_EQ(load_config_folder(folder.path()).content_hash, original) << file;
  }
}

TEST(ContentHash, ChangesWhenAFileIsAddedOrRenamed) {
  ScratchFolder folder;
  const std::string original = load_config_folder(folder.path()).content_hash;
  const std::string bot = folder.read("bots/btc-cm-01.yaml");
  folder.remove("bots/btc-cm-01.yaml");
  folder.write("bots/btc-cm-02.yaml", bot);
  EXPECT_NE(load_config_folder(folder.path()).content_hash, original);
}

}  // namespace
}  // namespace dorado::config
