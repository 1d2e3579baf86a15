// EXPRESSION formulas of control rules: a lexer and recursive-descent parser that read what
// SWMM 5.2's mathexpr.c reads (including its unary-minus and negative-number rules), and a
// postfix evaluator with SWMM's guards. See controls_expression.hpp.
#include "inp/controls_expression.hpp"

#include <cctype>
#include <cmath>
#include <memory>

namespace sf::inp {
namespace {

const char* const kFunctions[] = {"COS",  "SIN",  "TAN",  "COT",   "ABS",  "SGN",  "SQRT",
                                  "LOG",  "EXP",  "ASIN", "ACOS",  "ATAN", "ACOT", "SINH",
                                  "COSH", "TANH", "COTH", "LOG10", "STEP"};
constexpr int kFunctionCount = sizeof(kFunctions) / sizeof(kFunctions[0]);

// Lexeme kinds, numbered as SWMM's (the negative-number rule compares them).
enum Lex {
  kEnd = 0,
  kOpen = 1,
  kClose = 2,
  kPlus = 3,
  kMinus = 4,
  kTimes = 5,
  kDivide = 6,
  kNumber = 7,
  kVariable = 8,
  kFunction = 10,  // 10 + function code
  kPower = 31
};

struct Node {
  ExpressionOp op;
  std::unique_ptr<Node> left, right;
};
using Tree = std::unique_ptr<Node>;

Tree make(ExpressionOp::Code code, Tree left = nullptr, Tree right = nullptr) {
  Tree n = std::make_unique<Node>();
  n->op.code = code;
  n->left = std::move(left);
  n->right = std::move(right);
  return n;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

class Parser {
 public:
  Parser(const std::string& s, int (*lookup)(const void*, const std::string&), const void* ctx)
      : s_(s), lookup_(lookup), ctx_(ctx) {}

  Tree parse() {
    Tree t = tree();
    if (error_.empty() && depth_ != 0) fail("unbalanced parentheses");
    return t;
  }
  const std::string& error() const { return error_; }

 private:
  void fail(const std::string& what) {
    if (error_.empty()) error_ = what;
  }

  // A number from pos_ (digits, a fraction, an exponent), as SWMM's getNumber.
  double number() {
    std::string text;
    while (pos_ < s_.size() && is_digit(s_[pos_])) text += s_[pos_++];
    if (pos_ < s_.size() && s_[pos_] == '.') {
      text += s_[pos_++];
      while (pos_ < s_.size() && is_digit(s_[pos_])) text += s_[pos_++];
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      text += 'E';
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '-' || s_[pos_] == '+')) text += s_[pos_++];
      if (pos_ >= s_.size() || !is_digit(s_[pos_])) {
        fail("number \"" + text + "\" has no exponent digits");
        return 0.0;
      }
      while (pos_ < s_.size() && is_digit(s_[pos_])) text += s_[pos_++];
    }
    if (text == ".") fail("\".\" is not a number");
    return std::atof(text.c_str());
  }

  int lex() {
    while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
    int n = kEnd;
    if (pos_ < s_.size()) {
      const char c = s_[pos_];
      switch (c) {
        case '(':
          n = kOpen;
          ++pos_;
          break;
        case ')':
          n = kClose;
          ++pos_;
          break;
        case '+':
          n = kPlus;
          ++pos_;
          break;
        case '*':
          n = kTimes;
          ++pos_;
          break;
        case '/':
          n = kDivide;
          ++pos_;
          break;
        case '^':
          n = kPower;
          ++pos_;
          break;
        case '-':
          ++pos_;
          n = kMinus;
          // a negative number where an operand is due (SWMM: after an operator, "(" or ")")
          if (pos_ < s_.size() && is_digit(s_[pos_]) && (cur_ <= kDivide || cur_ == kPower)) {
            value_ = -number();
            n = kNumber;
          }
          break;
        default:
          if (is_letter(c)) {
            std::string token;
            while (pos_ < s_.size() && (is_letter(s_[pos_]) || is_digit(s_[pos_])))
              token += s_[pos_++];
            const std::string u = upper(token);
            for (int f = 0; f < kFunctionCount; ++f)
              if (u == kFunctions[f]) n = kFunction + f;
            if (n == kEnd) {
              index_ = lookup_(ctx_, token);
              if (index_ >= 0)
                n = kVariable;
              else
                fail("\"" + token + "\" is neither a VARIABLE defined before it nor a function");
            }
          } else if (c == '.' || is_digit(c)) {
            value_ = number();
            n = kNumber;
          } else {
            fail(std::string("unexpected character '") + c + "'");
            ++pos_;
          }
      }
    }
    prev_ = cur_;
    cur_ = n;
    return n;
  }

  // factor [^ factor]
  Tree single(int& l) {
    Tree left;
    if (l == kOpen) {
      ++depth_;
      left = tree();
    } else if (l == kNumber || l == kVariable) {
      left = make(l == kNumber ? ExpressionOp::Code::Number : ExpressionOp::Code::Variable);
      left->op.number = value_;
      if (l == kVariable) left->op.index = index_;
    } else if (l >= kFunction && l < kFunction + kFunctionCount) {
      const int f = l - kFunction;
      if (lex() != kOpen) {
        fail(std::string("function ") + kFunctions[f] + " without \"(\"");
        return nullptr;
      }
      ++depth_;
      left = make(ExpressionOp::Code::Function, tree());
      left->op.index = f;
    } else {
      fail(l == kEnd ? "the formula ends where a number, name or \"(\" belongs"
                     : "an operator where a number, name or \"(\" belongs");
      return nullptr;
    }
    l = lex();
    if (l == kPower) {
      l = lex();
      Tree right = single(l);
      left = make(ExpressionOp::Code::Pow, std::move(left), std::move(right));
    }
    return left;
  }

  // [+|-] factor {*|/ factor}: a leading sign only at the start or after "("
  Tree op(int& l) {
    l = lex();
    bool neg = false;
    if (prev_ == kEnd || prev_ == kOpen) {
      if (l == kMinus) {
        neg = true;
        l = lex();
      } else if (l == kPlus) {
        l = lex();
      }
    }
    Tree left = single(l);
    while (error_.empty() && (l == kTimes || l == kDivide)) {
      const auto code = l == kTimes ? ExpressionOp::Code::Mul : ExpressionOp::Code::Div;
      l = lex();
      Tree right = single(l);
      left = make(code, std::move(left), std::move(right));
    }
    if (neg) left = make(ExpressionOp::Code::Neg, std::move(left));
    return left;
  }

  // product {+|- product}, up to the end or a ")"
  Tree tree() {
    int l = kEnd;
    Tree left = op(l);
    while (error_.empty()) {
      if (l == kEnd || l == kClose) {
        if (l == kClose) --depth_;
        break;
      }
      if (l != kPlus && l != kMinus) {
        fail("two operands without an operator between them");
        break;
      }
      const auto code = l == kPlus ? ExpressionOp::Code::Add : ExpressionOp::Code::Sub;
      Tree right = op(l);
      left = make(code, std::move(left), std::move(right));
    }
    return left;
  }

  const std::string& s_;
  int (*lookup_)(const void*, const std::string&);
  const void* ctx_;
  std::size_t pos_ = 0;
  int prev_ = kEnd, cur_ = kEnd, depth_ = 0, index_ = -1;
  double value_ = 0.0;
  std::string error_;
};

void postfix(const Node* n, std::vector<ExpressionOp>& out) {
  if (!n) return;
  postfix(n->left.get(), out);
  postfix(n->right.get(), out);
  out.push_back(n->op);
}

double function_value(int f, double x) {
  switch (f) {
    case 0:
      return std::cos(x);
    case 1:
      return std::sin(x);
    case 2:
      return std::tan(x);
    case 3:
      return x == 0.0 ? 0.0 : 1.0 / std::tan(x);
    case 4:
      return std::fabs(x);
    case 5:
      return x < 0.0 ? -1.0 : (x > 0.0 ? 1.0 : 0.0);
    case 6:
      return x < 0.0 ? 0.0 : std::sqrt(x);
    case 7:
      return x <= 0.0 ? 0.0 : std::log(x);
    case 8:
      return std::exp(x);
    case 9:
      return std::asin(x);
    case 10:
      return std::acos(x);
    case 11:
      return std::atan(x);
    case 12:
      return 1.57079632679489661923 - std::atan(x);
    case 13:
      return (std::exp(x) - std::exp(-x)) / 2.0;
    case 14:
      return (std::exp(x) + std::exp(-x)) / 2.0;
    case 15:
      return (std::exp(x) - std::exp(-x)) / (std::exp(x) + std::exp(-x));
    case 16:
      return (std::exp(x) + std::exp(-x)) / (std::exp(x) - std::exp(-x));
    case 17:
      return x == 0.0 ? 0.0 : std::log10(x);
    default:
      return x <= 0.0 ? 0.0 : 1.0;  // STEP
  }
}

}  // namespace

namespace detail {

std::optional<std::vector<ExpressionOp>> parse_expression_impl(
    const std::string& formula, int (*lookup)(const void*, const std::string&), const void* ctx,
    std::string& error) {
  Parser p(formula, lookup, ctx);
  Tree t = p.parse();
  if (!p.error().empty() || !t) {
    error = p.error().empty() ? "empty formula" : p.error();
    return std::nullopt;
  }
  std::vector<ExpressionOp> ops;
  postfix(t.get(), ops);
  return ops;
}

}  // namespace detail

double evaluate_expression(const std::vector<ExpressionOp>& ops,
                           const std::vector<double>& variable_values) {
  using C = ExpressionOp::Code;
  std::vector<double> stack;
  stack.reserve(ops.size());
  for (const ExpressionOp& op : ops) {
    switch (op.code) {
      case C::Number:
        stack.push_back(op.number);
        break;
      case C::Variable:
        stack.push_back(variable_values[op.index]);
        break;
      case C::Neg:
        stack.back() = -stack.back();
        break;
      case C::Function:
        stack.back() = function_value(op.index, stack.back());
        break;
      default: {  // binary: the parser built it with two operands
        const double r = stack.back();
        stack.pop_back();
        double& l = stack.back();
        if (op.code == C::Add)
          l = l + r;
        else if (op.code == C::Sub)
          l = l - r;
        else if (op.code == C::Mul)
          l = l * r;
        else if (op.code == C::Div)
          l = l / r;
        else
          l = l <= 0.0 ? 0.0 : std::pow(l, r);
      }
    }
  }
  const double v = stack.empty() ? 0.0 : stack.back();
  return std::isnan(v) ? 0.0 : v;
}

}  // namespace sf::inp
