package p

import 1
import fmt
import x 'c'
import (
	"a"
	b 2.5
	)
import
