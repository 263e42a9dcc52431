package pdf

import "github.com/ledongthuc/pdf"

// LogicalRTL is logicalRTL, for the tests of package pdf_test.
var LogicalRTL = logicalRTL

// RefOf is refOf, reporting the object number only.
func RefOf(d pdf.Value, key string) (uint32, bool) {
	ref, ok := refOf(d, key)
	return ref.num, ok
}
