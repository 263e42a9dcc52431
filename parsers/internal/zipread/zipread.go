// Package zipread opens the parts of a zip package (DOCX, ODT) so that a
// zip bomb is stopped after a bounded amount of work: every part read
// counts against the package's uncompressed total and its own compression
// ratio, both from [extract.Limits].
package zipread

import (
	"archive/zip"
	"context"
	"fmt"
	"io"

	"github.com/screener/screener/parsers/internal/extract"
)

// Parts opens the zip archive in r and indexes its entries by name. An
// archive that names one entry twice is [extract.ErrCorrupt]: which copy an
// office suite would open is undefined, so another program may show other
// text than the one screened.
func Parts(r io.ReaderAt, size int64) (map[string]*zip.File, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, extract.Newf(extract.ErrCorrupt, "zip: %v", err)
	}
	parts := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		if parts[f.Name] != nil {
			return nil, extract.Newf(extract.ErrCorrupt, "zip holds two entries named %s", f.Name)
		}
		parts[f.Name] = f
	}
	return parts, nil
}

// Budget tracks the uncompressed bytes read from one package. It is not
// safe for concurrent use; a parser reads its parts one after another.
type Budget struct {
	ctx  context.Context
	lim  extract.Limits
	read int64 // uncompressed bytes read so far, over all parts
}

// NewBudget returns a budget for one package under lim (MaxUncompressed
// and MaxRatio); reads also fail once ctx is done.
func NewBudget(ctx context.Context, lim extract.Limits) *Budget {
	return &Budget{ctx: ctx, lim: lim}
}

// Open returns a reader over one part that fails with [extract.ErrTooLarge]
// once the package's total uncompressed size or the part's compression
// ratio passes its limit. A part that declares more than the total limit
// is refused before any inflating. The ratio allows 1 MiB over
// compressed size × MaxRatio, so tiny, highly compressible parts pass.
func (b *Budget) Open(f *zip.File) (io.ReadCloser, error) {
	if f.UncompressedSize64 > uint64(b.lim.MaxUncompressed) {
		return nil, extract.Newf(extract.ErrTooLarge, "%s declares %s uncompressed, limit %s", f.Name,
			extract.FormatBytes(int64(f.UncompressedSize64)), extract.FormatBytes(b.lim.MaxUncompressed))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, extract.Newf(extract.ErrCorrupt, "zip: %s: %v", f.Name, err)
	}
	ratioCap := int64(f.CompressedSize64)*int64(b.lim.MaxRatio) + 1<<20
	return &limitedPart{rc: rc, b: b, name: f.Name, partCap: ratioCap}, nil
}

type limitedPart struct {
	rc      io.ReadCloser
	b       *Budget
	name    string
	n       int64
	partCap int64
}

func (p *limitedPart) Read(buf []byte) (int, error) {
	n, err := p.rc.Read(buf)
	p.n += int64(n)
	p.b.read += int64(n)
	switch {
	case p.b.read > p.b.lim.MaxUncompressed:
		return n, &extract.Error{Err: extract.ErrTooLarge, Detail: fmt.Sprintf("uncompressed content exceeds %s", extract.FormatBytes(p.b.lim.MaxUncompressed))}
	case p.n > p.partCap:
		return n, &extract.Error{Err: extract.ErrTooLarge, Detail: fmt.Sprintf("%s: compression ratio exceeds %d:1 (zip bomb?)", p.name, p.b.lim.MaxRatio)}
	}
	if err := p.b.ctx.Err(); err != nil {
		return n, err
	}
	return n, err
}

func (p *limitedPart) Close() error { return p.rc.Close() }
