package pdf

import (
	"bytes"
	"compress/gzip"
	"embed"
	"io"
	"sync"
)

// Adobe's CID→Unicode CMaps for the four public CJK character collections,
// as Adobe publishes them (see cmaps/README.md). A CID font whose encoding
// is Identity-H or Identity-V uses CIDs as codes, so when such a font has no
// ToUnicode map (XeTeX and older Acrobat output leave it out), its
// collection's table is the only way to its text.
//
//go:embed cmaps/*.gz
var cmapFiles embed.FS

// collectionTables loads each table once per process, on first use: a
// worker that never meets a CJK font never pays for one.
var collectionTables = map[string]func() map[uint32]string{
	"GB1":    loadCollection("GB1"),
	"CNS1":   loadCollection("CNS1"),
	"Japan1": loadCollection("Japan1"),
	"Korea1": loadCollection("Korea1"),
}

func loadCollection(ordering string) func() map[uint32]string {
	return sync.OnceValue(func() map[uint32]string {
		gz, err := cmapFiles.ReadFile("cmaps/Adobe-" + ordering + "-UCS2.gz")
		if err != nil {
			return nil
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			return nil
		}
		data, err := io.ReadAll(zr)
		if err != nil {
			return nil
		}
		m := parseCMap(data)
		delete(m, 0) // CID 0 is .notdef; the table maps it to U+FFFD
		return m
	})
}

// collectionTable returns the CID→Unicode table of an Adobe character
// collection, or nil for any other registry or ordering.
func collectionTable(registry, ordering string) map[uint32]string {
	if registry != "Adobe" {
		return nil
	}
	if load, ok := collectionTables[ordering]; ok {
		return load()
	}
	return nil
}
