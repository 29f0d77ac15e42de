/* The unit-test suites that build/unit runs, one UNIT_SUITE_ENTRY(name) per
 * tests/unit/test_NAME.c (see unit.h).  Keep in alphabetical order. */
UNIT_SUITE_ENTRY(constant)
UNIT_SUITE_ENTRY(driver)
UNIT_SUITE_ENTRY(escape)
UNIT_SUITE_ENTRY(irfmt)
