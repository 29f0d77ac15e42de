#!/bin/sh
# goesc build -gcflags='-m=2 -l' std vs gc, compared message by message:
# tests/escape/stddiff.sh with STDDIFF_M=2; the floor is
# tests/escape/stddiff-m2.floor.
STDDIFF_M=2
export STDDIFF_M
exec sh "$(dirname "$0")/stddiff.sh" "$@"
