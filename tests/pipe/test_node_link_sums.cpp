// The node -> link table of the trial's node sums (network::node_link_sums): for every node its
// true conduits first, then its other links, each part in the order of adj_link (so the sums
// add in the order they did when the kernels tested each link's kind), with the node's end, the
// barrels and SWMM's rule that a TYPE4 pump adds no dQ/dH at its outlet.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "inp/reader.hpp"
#include "network/network_data.hpp"

namespace {

using namespace sf;

// J1 -C1-> J2 -P1 (TYPE4)-> J3 -C3 (2 barrels)-> O1, and C2 from J2 to J3 listed after the pump
// in J2's links, so J2 and J3 each mix conduits and a pump.
const char* kModel =
    "[OPTIONS]\nFLOW_UNITS CMS\nFLOW_ROUTING DYNWAVE\nSTART_DATE 01/01/2020\nSTART_TIME 00:00\n"
    "END_DATE 01/01/2020\nEND_TIME 01:00\nROUTING_STEP 5\n"
    "[JUNCTIONS]\nJ1 10.0 3 0 0 0\nJ2 9.0 3 0 0 0\nJ3 8.5 3 0 0 0\n[OUTFALLS]\nO1 8.0 FREE NO\n"
    "[CONDUITS]\nC1 J1 J2 100 0.013 0 0 0 0\nC2 J2 J3 100 0.013 0 0 0 0\n"
    "C3 J3 O1 100 0.013 0 0 0 0\n"
    "[PUMPS]\nP1 J2 J3 PC1 ON 0 0\n"
    "[CURVES]\nPC1 PUMP4 0 0.1\nPC1 4 0.2\n"
    "[XSECTIONS]\nC1 CIRCULAR 1.0 0 0 0 1\nC2 CIRCULAR 1.0 0 0 0 1\nC3 CIRCULAR 1.0 0 0 0 2\n";

bool is_true_conduit(const network::NetworkData& net, int j) {
  return net.link_kind[j] == network::LinkKind::Conduit && !net.is_dummy[j];
}

TEST(NodeLinkSums, ConduitsFirstThenOtherLinksEachInAdjacencyOrder) {
  const inp::Model m = inp::read_inp_text(kModel, "sums.inp");
  const network::NetworkData net = network::build_network(m);
  const network::NodeLinkSums s = network::node_link_sums(net);
  ASSERT_EQ(s.start, net.adj_start);
  ASSERT_EQ(s.links.size(), net.adj_link.size());
  for (int i = 0; i < net.node_count(); ++i) {
    std::vector<int> conduits, others;
    for (int e = net.adj_start[i]; e < net.adj_start[i + 1]; ++e)
      (is_true_conduit(net, net.adj_link[e]) ? conduits : others).push_back(net.adj_link[e]);
    std::vector<int> first, second;
    for (int e = s.start[i]; e < s.split[i]; ++e) first.push_back(s.links[e].link);
    for (int e = s.split[i]; e < s.start[i + 1]; ++e) second.push_back(s.links[e].link);
    EXPECT_EQ(first, conduits) << net.node_id[i];
    EXPECT_EQ(second, others) << net.node_id[i];
  }
}

TEST(NodeLinkSums, EndBarrelsAndTheType4PumpOutlet) {
  const inp::Model m = inp::read_inp_text(kModel, "sums.inp");
  const network::NetworkData net = network::build_network(m);
  const network::NodeLinkSums s = network::node_link_sums(net);
  const auto node = [&](const std::string& id) { return m.find_node(id); };
  const auto link = [&](const std::string& id) { return m.find_link(id); };
  // the entry of link id at node id
  const auto entry = [&](const std::string& n, const std::string& l) {
    const int i = node(n), j = link(l);
    for (int e = s.start[i]; e < s.start[i + 1]; ++e)
      if (s.links[e].link == j) return s.links[e];
    ADD_FAILURE() << l << " not in the sums of " << n;
    return network::NodeLink{};
  };
  EXPECT_TRUE(entry("J1", "C1").at_end1);
  EXPECT_FALSE(entry("J2", "C1").at_end1);
  EXPECT_DOUBLE_EQ(entry("J3", "C3").barrels, 2.0);
  EXPECT_DOUBLE_EQ(entry("O1", "C3").barrels, 2.0);
  EXPECT_DOUBLE_EQ(entry("J2", "P1").barrels, 1.0);
  // a TYPE4 pump's dQ/dH counts at its inlet, not at its outlet; conduits count at both ends
  EXPECT_TRUE(entry("J2", "P1").adds_dqdh);
  EXPECT_FALSE(entry("J3", "P1").adds_dqdh);
  EXPECT_TRUE(entry("J3", "C2").adds_dqdh);
  EXPECT_TRUE(entry("O1", "C3").adds_dqdh);
}

TEST(NetworkBuild, EqualSectionsAreBuiltAlike) {
  // C1 and C2 share one built section; C3 (the same circle, other barrels) too: barrels are
  // the conduit's, not the section's
  const inp::Model m = inp::read_inp_text(kModel, "sums.inp");
  const network::NetworkData net = network::build_network(m);
  network::XsectTablePool pool;
  const pipe::Xsect direct = network::circular_xsect(1.0, pool);
  for (const char* id : {"C1", "C2", "C3"}) {
    const pipe::Xsect& x = net.xsect[m.find_link(id)];
    EXPECT_EQ(x.shape, direct.shape) << id;
    EXPECT_EQ(x.y_full, direct.y_full) << id;
    EXPECT_EQ(x.a_full, direct.a_full) << id;
    EXPECT_EQ(x.r_full, direct.r_full) << id;
    EXPECT_EQ(x.s_full, direct.s_full) << id;
    EXPECT_EQ(x.s_max, direct.s_max) << id;
    EXPECT_EQ(x.y_smax, direct.y_smax) << id;
    EXPECT_EQ(x.table_rows, direct.table_rows) << id;
  }
}

}  // namespace
