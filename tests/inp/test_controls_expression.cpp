// Math EXPRESSIONs of control rules (inp/controls_expression.hpp) against hand values, which
// are also what EPA SWMM 5.2.4's own mathexpr.c gives for the same formulas (compiled alone
// with a=1, b=3, x=4 and run on each formula, 2026-12-03): its grammar quirks included.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "inp/controls_expression.hpp"
#include "inp/reader.hpp"

namespace {

using namespace sf::inp;

// a = 1, b = 3, x = 4
double eval(const std::string& formula) {
  std::string error;
  auto lookup = [](const std::string& name) {
    const std::string n = name == "A" || name == "a"   ? "a"
                          : name == "B" || name == "b" ? "b"
                          : name == "X" || name == "x" ? "x"
                                                       : "";
    return n == "a" ? 0 : n == "b" ? 1 : n == "x" ? 2 : -1;
  };
  const auto ops = parse_expression(formula, lookup, error);
  if (!ops) throw std::invalid_argument(error);
  return evaluate_expression(*ops, {1.0, 3.0, 4.0});
}

}  // namespace

TEST(RuleExpressions, ArithmeticAndPrecedence) {
  EXPECT_DOUBLE_EQ(eval("a + b*2"), 7.0);
  EXPECT_DOUBLE_EQ(eval("a*(b+x)/2^2"), 1.75);
  EXPECT_DOUBLE_EQ(eval("2^3^2"), 512.0);  // right to left
  EXPECT_DOUBLE_EQ(eval("-(a+b)*2"), -8.0);
  EXPECT_DOUBLE_EQ(eval("+a"), 1.0);
  EXPECT_DOUBLE_EQ(eval("1e2+.5"), 100.5);
  EXPECT_DOUBLE_EQ(eval("SQRT(X)/A"), 2.0);  // names and functions in any case
}

TEST(RuleExpressions, SwmmSignRules) {
  EXPECT_DOUBLE_EQ(eval("-a*b"), -3.0);
  EXPECT_DOUBLE_EQ(eval("-a*b + x"), 1.0);  // the sign covers the first product only
  EXPECT_DOUBLE_EQ(eval("2*-3"), -6.0);     // a negative number after an operator
  EXPECT_DOUBLE_EQ(eval("2^-1"), 0.5);
  EXPECT_DOUBLE_EQ(eval("a -3"), -2.0);  // after a name, "-" subtracts
  EXPECT_DOUBLE_EQ(eval("(a) - 3"), -2.0);
  EXPECT_DOUBLE_EQ(eval("-2^2"), 0.0);  // (-2)^2, and a power of x <= 0 is 0
  EXPECT_DOUBLE_EQ(eval("(-x)^0.5"), 0.0);
}

TEST(RuleExpressions, FunctionsWithSwmmGuards) {
  EXPECT_DOUBLE_EQ(eval("sqrt(x) + log(0) + step(b-5)"), 2.0);
  EXPECT_DOUBLE_EQ(eval("cot(0)+log10(0)+sgn(-b)"), -1.0);
  EXPECT_DOUBLE_EQ(eval("sqrt(-4)"), 0.0);
  EXPECT_DOUBLE_EQ(eval("exp(1)-cosh(0)"), std::exp(1.0) - 1.0);
  EXPECT_NEAR(eval("coth(1)"), 1.3130352854993312, 1e-15);
  EXPECT_NEAR(eval("acot(1)"), 0.78539816339744828, 1e-15);
  EXPECT_DOUBLE_EQ(eval("step(0) + step(0.1)"), 1.0);
}

TEST(RuleExpressions, WhatSwmmRefusesIsAnError) {
  for (const char* bad : {"a +", "(a", "a)", "a b", "(a)-3", "3 - -a", "x^0.5*-(a)", "foo + 1"})
    EXPECT_THROW(eval(bad), std::invalid_argument) << bad;
  // SWMM stops silently at an unknown name after a complete formula ("a foo" = a): refused here
  EXPECT_THROW(eval("a foo"), std::invalid_argument);
}

TEST(RuleExpressions, ReadInControlsWithTheirVariables) {
  const std::string inp =
      "[OPTIONS]\nFLOW_UNITS CFS\nSTART_DATE 01/01/2020\nEND_DATE 01/02/2020\n"
      "[JUNCTIONS]\nJ1 100 10\n[OUTFALLS]\nO1 98 FREE\n"
      "[CONDUITS]\nC1 J1 O1 400 0.013 0 0\n[XSECTIONS]\nC1 CIRCULAR 1 0 0 0\n"
      "[CONTROLS]\nVARIABLE d = NODE J1 DEPTH\nVARIABLE q = LINK C1 FLOW\n"
      "EXPRESSION E1 = 2*d + q/2 - D\n"
      "RULE R1\nIF E1 > 1.5\nTHEN CONDUIT C1 STATUS = CLOSED\n";
  const Model m = read_inp_text(inp, "t.inp");
  ASSERT_EQ(m.rule_expressions.size(), 1u);
  const RuleExpression& e = m.rule_expressions[0];
  EXPECT_EQ(e.formula, "2*d + q/2 - D");
  ASSERT_EQ(e.variables.size(), 2u);  // d once, however often it appears
  EXPECT_EQ(e.variables[0].attribute, RuleAttribute::Depth);
  EXPECT_EQ(e.variables[1].attribute, RuleAttribute::Flow);
  EXPECT_DOUBLE_EQ(evaluate_expression(e.ops, {2.0, 3.0}), 2 * 2.0 + 3.0 / 2 - 2.0);
  ASSERT_EQ(m.rules[0].premises.size(), 1u);
  EXPECT_EQ(m.rules[0].premises[0].expression, 0);
  EXPECT_DOUBLE_EQ(m.rules[0].premises[0].value, 1.5);  // a plain number: not converted
}
