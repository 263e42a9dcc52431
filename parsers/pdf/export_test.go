package pdf

// LogicalRTL is logicalRTL, for the tests of package pdf_test.
var LogicalRTL = logicalRTL
