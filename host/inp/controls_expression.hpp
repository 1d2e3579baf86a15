// Math EXPRESSIONs of control rules (SWMM 5.2 mathexpr.c semantics, written anew): the formula
// of named VARIABLEs is parsed into postfix steps once, and evaluated at every rule evaluation.
//
// Grammar, as SWMM reads it: sums of products of factors; a factor is a number, a VARIABLE
// name, a function call f(...) or a parenthesised formula, optionally raised to a factor by ^
// (a^b^c = a^(b^c)). A leading - (at the start or just after "(") negates the whole first
// product (-a*b = -(a*b)); a - directly before a digit after an operator, "(" or ")" is part of
// the number (2*-3, and 2^-1). Functions: COS SIN TAN COT ABS SGN SQRT LOG EXP ASIN ACOS ATAN
// ACOT SINH COSH TANH COTH LOG10 STEP. SWMM's guards: COT(0) = 0, SQRT(x < 0) = 0,
// LOG(x <= 0) = 0, LOG10(0) = 0, STEP(x) = 0 for x <= 0 else 1, x^y = 0 for x <= 0, and a
// result that is not a number is 0. Names and functions are matched without regard to case.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "inp/model.hpp"

namespace sf::inp {

/// Postfix steps of `formula`; `variable` gives the index of a named variable (or -1).
/// Returns nothing and sets `error` (what is wrong, and where) on a syntax error or an unknown
/// name.
template <class Lookup>
std::optional<std::vector<ExpressionOp>> parse_expression(const std::string& formula,
                                                          Lookup variable, std::string& error);

/// The value of postfix steps given the values of their variables.
double evaluate_expression(const std::vector<ExpressionOp>& ops,
                           const std::vector<double>& variable_values);

namespace detail {
std::optional<std::vector<ExpressionOp>> parse_expression_impl(const std::string& formula,
                                                               int (*lookup)(const void*,
                                                                             const std::string&),
                                                               const void* ctx, std::string& error);
}  // namespace detail

template <class Lookup>
std::optional<std::vector<ExpressionOp>> parse_expression(const std::string& formula,
                                                          Lookup variable, std::string& error) {
  return detail::parse_expression_impl(
      formula,
      [](const void* c, const std::string& name) { return (*static_cast<const Lookup*>(c))(name); },
      &variable, error);
}

}  // namespace sf::inp
