//go:build !unix

package worker

import "runtime/debug"

func limitMemory(n int64) { debug.SetMemoryLimit(n * 3 / 4) }
