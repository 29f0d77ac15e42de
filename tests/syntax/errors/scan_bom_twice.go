﻿package p
