package pdf

import (
	"reflect"

	"github.com/ledongthuc/pdf"
)

// objRef names an indirect object: its object and generation numbers.
type objRef struct {
	num uint32
	gen uint16
}

// refOf reports the indirect object that entry key of dictionary (or stream
// header) d refers to, without resolving it; ok is false when the entry is
// missing or a direct value. The object layer keeps references private, so
// refOf reads its unexported fields with reflect (read-only); were their
// layout to change, refOf would answer false and callers fall back to
// treating every entry as direct, which is slower but reads the same text.
func refOf(d pdf.Value, key string) (ref objRef, ok bool) {
	data := reflect.ValueOf(d).FieldByName("data")
	if data.Kind() == reflect.Interface {
		data = data.Elem()
	}
	if data.Kind() == reflect.Struct { // a stream: its header dictionary
		data = data.FieldByName("hdr")
	}
	if data.Kind() != reflect.Map || data.Type().Key().Kind() != reflect.String {
		return objRef{}, false
	}
	e := data.MapIndex(reflect.ValueOf(key).Convert(data.Type().Key()))
	if e.Kind() == reflect.Interface {
		e = e.Elem()
	}
	if e.Kind() != reflect.Struct || e.Type().Name() != "objptr" || e.NumField() != 2 {
		return objRef{}, false
	}
	num, gen := e.Field(0), e.Field(1)
	if num.Kind() != reflect.Uint32 || gen.Kind() != reflect.Uint16 {
		return objRef{}, false
	}
	return objRef{uint32(num.Uint()), uint16(gen.Uint())}, true
}
