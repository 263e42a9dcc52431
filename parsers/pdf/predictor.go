package pdf

// undoPNGFilters undoes the PNG row filters of Flate's /Predictor 10 to
// 15: each row of rowBytes bytes is preceded by its filter type, and bpp
// is the number of bytes of one pixel (the distance to the "left" byte).
// A trailing partial row is dropped.
func undoPNGFilters(data []byte, rowBytes, bpp int) []byte {
	if len(data) < rowBytes+1 {
		return nil // not one row: nothing to allocate
	}
	var out []byte
	prev := make([]byte, rowBytes)
	for len(data) >= rowBytes+1 {
		f, row := data[0], append([]byte(nil), data[1:rowBytes+1]...)
		data = data[rowBytes+1:]
		for i := range row {
			var left, upLeft byte
			if i >= bpp {
				left, upLeft = row[i-bpp], prev[i-bpp]
			}
			up := prev[i]
			switch f {
			case 1:
				row[i] += left
			case 2:
				row[i] += up
			case 3:
				row[i] += byte((int(left) + int(up)) / 2)
			case 4:
				row[i] += paeth(left, up, upLeft)
			}
		}
		out = append(out, row...)
		prev = row
	}
	return out
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := p-int(a), p-int(b), p-int(c)
	if pa < 0 {
		pa = -pa
	}
	if pb < 0 {
		pb = -pb
	}
	if pc < 0 {
		pc = -pc
	}
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}
