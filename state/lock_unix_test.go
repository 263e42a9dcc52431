//go:build unix

package state

import "testing"

// TestDescribeHolder: the lock file's "pid unix-time" line in words; a
// line without both is an unknown holder.
func TestDescribeHolder(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"4242 1767225600\n", "pid 4242, since 2026-01-01T00:00:00Z"},
		{"4242", "holder unknown"},
		{"", "holder unknown"},
	} {
		if got := describeHolder(tt.line); got != tt.want {
			t.Errorf("describeHolder(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}
