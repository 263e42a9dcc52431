package audit

import "math"

// fisherTwoSided is the two-sided p-value of Fisher's exact test for the
// 2×2 table [[a b] [c d]]: the probability, with the margins fixed, of a
// table at most as likely as this one. Probabilities within a relative
// 1e-7 of the observed one count as equally likely (R's fisher.test does
// the same), so rounding does not drop the observed table's mirror image.
func fisherTwoSided(a, b, c, d int) float64 {
	r1, c1, n := a+b, a+c, a+b+c+d
	if n == 0 {
		return 1
	}
	lo, hi := max(0, c1-(n-r1)), min(r1, c1)
	logP := func(x int) float64 {
		return lchoose(r1, x) + lchoose(n-r1, c1-x) - lchoose(n, c1)
	}
	observed := logP(a)
	p := 0.0
	for x := lo; x <= hi; x++ {
		if lp := logP(x); lp <= observed+1e-7 {
			p += math.Exp(lp)
		}
	}
	return min(p, 1)
}

func lchoose(n, k int) float64 {
	return lfact(n) - lfact(k) - lfact(n-k)
}

func lfact(n int) float64 {
	v, _ := math.Lgamma(float64(n) + 1)
	return v
}
