package pdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"hash"
	"regexp"
	"strconv"

	"github.com/ledongthuc/pdf"

	"github.com/screener/screener/parsers/internal/extract"
)

// The object layer decrypts RC4-128 and AES-128 but gets 40-bit RC4 wrong
// and refuses AES-256, while most encrypted resumes carry only an owner
// password (no password is needed to read them). decryptPDF handles every
// standard-security revision (2 to 6) with the empty user password itself:
// it decrypts each stream in place (RC4 keeps the length; AES plaintext is
// shorter and the rest is padded with newlines, which decoders ignore),
// then hides the /Encrypt entry so the object layer reads plain objects.
// Offsets never move, so the cross-reference table stays valid. Strings
// outside streams stay encrypted; we read text only from streams.

var passwordPad = []byte{0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A}

var encryptKey = regexp.MustCompile(`/Encrypt[\s<\d/]`)

// isEncrypted reports whether the file's trailer names an /Encrypt dictionary.
func isEncrypted(data []byte) bool { return encryptKey.Match(data) }

type cryptInfo struct {
	key  []byte
	aes  bool
	aes3 bool // AES-256: the file key is the object key
}

// decryptPDF returns a decrypted copy of data, or an *extract.Error with extract.ErrEncrypted
// when a user password is needed or the scheme is not the standard one.
func decryptPDF(data []byte) ([]byte, error) {
	out := append([]byte(nil), data...)
	for _, loc := range encryptKey.FindAllIndex(out, -1) {
		copy(out[loc[0]:], "/Encrypx")
	}
	rd, err := openPlain(out)
	if err != nil {
		return nil, err
	}
	enc := rd.Trailer().Key("Encrypx")
	ci, err := cryptKey(enc, rd.Trailer().Key("ID").Index(0).RawString())
	if err != nil {
		return nil, err
	}
	decryptStreams(out, ci)
	return out, nil
}

func openPlain(b []byte) (rd *pdf.Reader, err error) {
	defer func() {
		if p := recover(); p != nil {
			rd, err = nil, extract.Newf(extract.ErrCorrupt, "%v", p)
		}
	}()
	rd, err = pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, extract.Newf(extract.ErrCorrupt, "%v", err)
	}
	return rd, nil
}

func encErr(detail string) error {
	return &extract.Error{Err: extract.ErrEncrypted, Detail: detail, Hint: "ask the candidate for a copy without a password"}
}

// cryptKey computes the file key for the empty user password (PDF 32000-2
// §7.6.4.3, algorithms 2, 2.A and 2.B), and checks it against /U.
func cryptKey(enc pdf.Value, id string) (cryptInfo, error) {
	if f := enc.Key("Filter").Name(); f != "Standard" {
		return cryptInfo{}, encErr("security handler " + strconv.Quote(f) + " is not supported")
	}
	v, r := enc.Key("V").Int64(), enc.Key("R").Int64()
	o, u := []byte(enc.Key("O").RawString()), []byte(enc.Key("U").RawString())
	ci := cryptInfo{}
	if v == 4 || v == 5 {
		cfm := enc.Key("CF").Key(enc.Key("StmF").Name()).Key("CFM").Name()
		ci.aes = cfm == "AESV2" || cfm == "AESV3"
	}
	switch {
	case r >= 5:
		if len(u) < 48 {
			return ci, encErr("malformed AES-256 /U entry")
		}
		hashFn := func(pw, salt, udata []byte) []byte {
			if r == 5 {
				h := sha256.Sum256(append(append(append([]byte(nil), pw...), salt...), udata...))
				return h[:]
			}
			return hash2B(pw, salt, udata)
		}
		if !bytes.Equal(hashFn(nil, u[32:40], nil), u[:32]) {
			return ci, encErr("needs a user password (AES-256)")
		}
		ue := []byte(enc.Key("UE").RawString())
		if len(ue) != 32 {
			return ci, encErr("malformed AES-256 /UE entry")
		}
		block, err := aes.NewCipher(hashFn(nil, u[40:48], nil))
		if err != nil {
			return ci, encErr(err.Error())
		}
		key := make([]byte, 32)
		cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(key, ue)
		ci.key, ci.aes, ci.aes3 = key, true, true
		return ci, nil
	case r >= 2:
		n := int(enc.Key("Length").Int64() / 8)
		if r == 2 || n == 0 {
			n = 5
		}
		if n < 5 || n > 16 {
			return ci, encErr("key length " + strconv.Itoa(n*8) + " bits is not supported")
		}
		p := uint32(enc.Key("P").Int64())
		h := md5.New()
		h.Write(passwordPad)
		h.Write(o)
		h.Write([]byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)})
		h.Write([]byte(id))
		if r >= 4 && enc.Key("EncryptMetadata").Kind() == pdf.Bool && !enc.Key("EncryptMetadata").Bool() {
			h.Write([]byte{0xFF, 0xFF, 0xFF, 0xFF})
		}
		key := h.Sum(nil)
		if r >= 3 {
			for i := 0; i < 50; i++ {
				s := md5.Sum(key[:n])
				key = s[:]
			}
		}
		key = key[:n]
		// Check the empty password against /U (algorithms 4 and 5).
		var want []byte
		if r == 2 {
			want = make([]byte, 32)
			c, _ := rc4.NewCipher(key)
			c.XORKeyStream(want, passwordPad)
		} else {
			s := md5.Sum(append(append([]byte(nil), passwordPad...), id...))
			want = s[:]
			for i := 0; i < 20; i++ {
				k := make([]byte, len(key))
				for j := range key {
					k[j] = key[j] ^ byte(i)
				}
				c, _ := rc4.NewCipher(k)
				c.XORKeyStream(want, want)
			}
			u = u[:min(len(u), 16)]
		}
		if len(u) < len(want) || !bytes.Equal(u[:len(want)], want) {
			return ci, encErr("needs a user password")
		}
		ci.key = key
		return ci, nil
	}
	return ci, encErr("encryption revision " + strconv.FormatInt(r, 10) + " is not supported")
}

// hash2B is algorithm 2.B of PDF 2.0 (revision 6 password hashing).
func hash2B(pw, salt, udata []byte) []byte {
	k := sha256.Sum256(append(append(append([]byte(nil), pw...), salt...), udata...))
	key := k[:]
	for i := 0; ; i++ {
		var k1 []byte
		for j := 0; j < 64; j++ {
			k1 = append(k1, pw...)
			k1 = append(k1, key...)
			k1 = append(k1, udata...)
		}
		block, _ := aes.NewCipher(key[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, key[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, b := range e[:16] {
			sum += int(b)
		}
		var h hash.Hash
		switch sum % 3 {
		case 0:
			h = sha256.New()
		case 1:
			h = sha512.New384()
		default:
			h = sha512.New()
		}
		h.Write(e)
		key = h.Sum(nil)
		if i >= 63 && int(e[len(e)-1]) <= i-32 {
			break
		}
	}
	return key[:32]
}

var directLen = regexp.MustCompile(`/Length\s+(\d+)(\s+\d+\s+R)?`)

// objHeaders finds every object header ("12 0 obj") in data, left to
// right, as the regular expression `(\d+)\s+(\d+)\s+obj\b` would (tested
// against it), but from each "obj" backwards: a regular expression with no
// literal prefix steps through every byte of a file's compressed streams.
// Each header is [start, end, number start, number end, generation start,
// generation end].
func objHeaders(data []byte) [][6]int {
	var heads [][6]int
	back := func(k int, class func(byte) bool) int {
		for k > 0 && class(data[k-1]) {
			k--
		}
		return k
	}
	for pos := 0; ; {
		i := bytes.Index(data[pos:], []byte("obj"))
		if i < 0 {
			return heads
		}
		at := pos + i
		pos = at + 3
		if pos < len(data) && isWordByte(data[pos]) {
			continue
		}
		genEnd := back(at, isRegexpSpace)
		genStart := back(genEnd, isDigit)
		numEnd := back(genStart, isRegexpSpace)
		numStart := back(numEnd, isDigit)
		if genEnd == at || genStart == genEnd || numEnd == genStart || numStart == numEnd {
			continue
		}
		heads = append(heads, [6]int{numStart, pos, numStart, numEnd, genStart, genEnd})
	}
}

// isRegexpSpace is \s of a Go regular expression.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isWordByte is a byte \b counts as part of a word.
func isWordByte(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// decryptStreams decrypts, in place, every stream of every object.
func decryptStreams(data []byte, ci cryptInfo) {
	heads := objHeaders(data)
	for k, h := range heads {
		end := len(data)
		if k+1 < len(heads) {
			end = heads[k+1][0]
		}
		body := data[h[1]:end]
		si := bytes.Index(body, []byte("stream"))
		if si < 0 || bytes.HasPrefix(body[si:], []byte("streamx")) {
			continue
		}
		dict := body[:si]
		if bytes.Contains(dict, []byte("/XRef")) || bytes.Contains(body[:si], []byte("endobj")) {
			continue
		}
		start := si + len("stream")
		if start < len(body) && body[start] == '\r' {
			start++
		}
		if start < len(body) && body[start] == '\n' {
			start++
		}
		n := -1
		if m := directLen.FindSubmatch(dict); m != nil && m[2] == nil {
			n, _ = strconv.Atoi(string(m[1]))
		}
		if n < 0 || start+n > len(body) {
			e := bytes.Index(body[start:], []byte("endstream"))
			if e < 0 {
				continue
			}
			n = len(bytes.TrimRight(body[start:start+e], "\r\n"))
		}
		num, _ := strconv.Atoi(string(data[h[2]:h[3]]))
		gen, _ := strconv.Atoi(string(data[h[4]:h[5]]))
		decryptInPlace(body[start:start+n], objectKey(ci, num, gen), ci.aes)
	}
}

func objectKey(ci cryptInfo, num, gen int) []byte {
	if ci.aes3 {
		return ci.key
	}
	h := md5.New()
	h.Write(ci.key)
	h.Write([]byte{byte(num), byte(num >> 8), byte(num >> 16), byte(gen), byte(gen >> 8)})
	if ci.aes {
		h.Write([]byte("sAlT"))
	}
	return h.Sum(nil)[:min(len(ci.key)+5, 16)]
}

func decryptInPlace(b, key []byte, useAES bool) {
	if !useAES {
		c, err := rc4.NewCipher(key)
		if err == nil {
			c.XORKeyStream(b, b)
		}
		return
	}
	if len(b) < 32 || len(b)%16 != 0 {
		return
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return
	}
	plain := make([]byte, len(b)-16)
	cipher.NewCBCDecrypter(block, b[:16]).CryptBlocks(plain, b[16:])
	if pad := int(plain[len(plain)-1]); pad >= 1 && pad <= 16 {
		plain = plain[:len(plain)-pad]
	}
	copy(b, plain)
	for i := len(plain); i < len(b); i++ {
		b[i] = '\n'
	}
}
