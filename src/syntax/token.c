/* Token, operator and node-kind names. */
#include "syntax_int.h"

static const char *const tok_names[T_COUNT] = {
    [T_NONE] = "?",       [T_EOF] = "EOF",          [T_NAME] = "name",
    [T_LITERAL] = "literal", [T_OPERATOR] = "op",   [T_ASSIGNOP] = "op=",
    [T_INCOP] = "opop",   [T_ASSIGN] = "=",         [T_DEFINE] = ":=",
    [T_ARROW] = "<-",     [T_STAR] = "*",           [T_LPAREN] = "(",
    [T_LBRACK] = "[",     [T_LBRACE] = "{",         [T_RPAREN] = ")",
    [T_RBRACK] = "]",     [T_RBRACE] = "}",         [T_COMMA] = ",",
    [T_SEMI] = ";",       [T_COLON] = ":",          [T_DOT] = ".",
    [T_DOTDOTDOT] = "...", [T_BREAK] = "break",     [T_CASE] = "case",
    [T_CHAN] = "chan",    [T_CONST] = "const",      [T_CONTINUE] = "continue",
    [T_DEFAULT] = "default", [T_DEFER] = "defer",   [T_ELSE] = "else",
    [T_FALLTHROUGH] = "fallthrough", [T_FOR] = "for", [T_FUNC] = "func",
    [T_GO] = "go",        [T_GOTO] = "goto",        [T_IF] = "if",
    [T_IMPORT] = "import", [T_INTERFACE] = "interface", [T_MAP] = "map",
    [T_PACKAGE] = "package", [T_RANGE] = "range",   [T_RETURN] = "return",
    [T_SELECT] = "select", [T_STRUCT] = "struct",   [T_SWITCH] = "switch",
    [T_TYPE] = "type",    [T_VAR] = "var",
};

const char *tok_string(Tok t)
{
    return (t > T_NONE && t < T_COUNT) ? tok_names[t] : "?";
}

static const char *const op_names[SYN_OP_COUNT] = {
    [SYN_OP_NONE] = "", [SYN_DEF] = ":",   [SYN_NOT] = "!",   [SYN_RECV] = "<-",
    [SYN_TILDE] = "~",  [SYN_OROR] = "||", [SYN_ANDAND] = "&&", [SYN_EQL] = "==",
    [SYN_NEQ] = "!=",   [SYN_LSS] = "<",   [SYN_LEQ] = "<=",  [SYN_GTR] = ">",
    [SYN_GEQ] = ">=",   [SYN_ADD] = "+",   [SYN_SUB] = "-",   [SYN_OR] = "|",
    [SYN_XOR] = "^",    [SYN_MUL] = "*",   [SYN_DIV] = "/",   [SYN_REM] = "%",
    [SYN_AND] = "&",    [SYN_ANDNOT] = "&^", [SYN_SHL] = "<<", [SYN_SHR] = ">>",
};

const char *syn_op_string(SynOp op)
{
    return op < SYN_OP_COUNT ? op_names[op] : "?";
}

static const char *const kind_names[SYN_KIND_COUNT] = {
    [SYN_BAD_EXPR] = "BadExpr",
    [SYN_NAME] = "Name",
    [SYN_BASIC_LIT] = "BasicLit",
    [SYN_COMPOSITE_LIT] = "CompositeLit",
    [SYN_KEY_VALUE_EXPR] = "KeyValueExpr",
    [SYN_FUNC_LIT] = "FuncLit",
    [SYN_PAREN_EXPR] = "ParenExpr",
    [SYN_SELECTOR_EXPR] = "SelectorExpr",
    [SYN_INDEX_EXPR] = "IndexExpr",
    [SYN_SLICE_EXPR] = "SliceExpr",
    [SYN_ASSERT_EXPR] = "AssertExpr",
    [SYN_TYPE_SWITCH_GUARD] = "TypeSwitchGuard",
    [SYN_OPERATION] = "Operation",
    [SYN_CALL_EXPR] = "CallExpr",
    [SYN_LIST_EXPR] = "ListExpr",
    [SYN_ARRAY_TYPE] = "ArrayType",
    [SYN_SLICE_TYPE] = "SliceType",
    [SYN_DOTS_TYPE] = "DotsType",
    [SYN_STRUCT_TYPE] = "StructType",
    [SYN_FIELD] = "Field",
    [SYN_INTERFACE_TYPE] = "InterfaceType",
    [SYN_FUNC_TYPE] = "FuncType",
    [SYN_MAP_TYPE] = "MapType",
    [SYN_CHAN_TYPE] = "ChanType",
    [SYN_EMPTY_STMT] = "EmptyStmt",
    [SYN_LABELED_STMT] = "LabeledStmt",
    [SYN_BLOCK_STMT] = "BlockStmt",
    [SYN_EXPR_STMT] = "ExprStmt",
    [SYN_SEND_STMT] = "SendStmt",
    [SYN_DECL_STMT] = "DeclStmt",
    [SYN_ASSIGN_STMT] = "AssignStmt",
    [SYN_BRANCH_STMT] = "BranchStmt",
    [SYN_CALL_STMT] = "CallStmt",
    [SYN_RETURN_STMT] = "ReturnStmt",
    [SYN_IF_STMT] = "IfStmt",
    [SYN_FOR_STMT] = "ForStmt",
    [SYN_SWITCH_STMT] = "SwitchStmt",
    [SYN_SELECT_STMT] = "SelectStmt",
    [SYN_RANGE_CLAUSE] = "RangeClause",
    [SYN_CASE_CLAUSE] = "CaseClause",
    [SYN_COMM_CLAUSE] = "CommClause",
    [SYN_IMPORT_DECL] = "ImportDecl",
    [SYN_CONST_DECL] = "ConstDecl",
    [SYN_TYPE_DECL] = "TypeDecl",
    [SYN_VAR_DECL] = "VarDecl",
    [SYN_FUNC_DECL] = "FuncDecl",
    [SYN_FILE] = "File",
};

const char *syn_kind_name(SynKind k)
{
    return (k > 0 && k < SYN_KIND_COUNT && kind_names[k]) ? kind_names[k] : "?";
}
