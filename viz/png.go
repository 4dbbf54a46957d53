package viz

import (
	"encoding/json"
	"fmt"
	"image/color"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/fogleman/gg"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
)

// PNG is painted here from Graphviz's own drawing operations (its "json"
// output: xdot), because go-graphviz's PNG renderer draws fills and text
// but no strokes, so no edges. The Go fonts are built in, and text is
// narrowed to the width Graphviz measured for it.

type xdotOp struct {
	Op     string       `json:"op"`
	Color  string       `json:"color"`
	Grad   string       `json:"grad"`
	Points [][2]float64 `json:"points"`
	Rect   [4]float64   `json:"rect"`
	Pt     [2]float64   `json:"pt"`
	Align  string       `json:"align"`
	Width  float64      `json:"width"`
	Text   string       `json:"text"`
	Size   float64      `json:"size"`
	Face   string       `json:"face"`
	Style  string       `json:"style"`
	Flags  int          `json:"fontchar"`
}

type xdotObj struct {
	Draw   []xdotOp `json:"_draw_"`
	LDraw  []xdotOp `json:"_ldraw_"`
	HDraw  []xdotOp `json:"_hdraw_"`
	TDraw  []xdotOp `json:"_tdraw_"`
	HLDraw []xdotOp `json:"_hldraw_"`
	TLDraw []xdotOp `json:"_tldraw_"`
}

type xdotGraph struct {
	xdotObj
	BB      string    `json:"bb"`
	Objects []xdotObj `json:"objects"`
	Edges   []xdotObj `json:"edges"`
}

var (
	fontsOnce sync.Once
	fonts     map[string]*truetype.Font
	fontErr   error
)

func loadFonts() {
	fonts = map[string]*truetype.Font{}
	for name, ttf := range map[string][]byte{"regular": goregular.TTF, "bold": gobold.TTF, "italic": goitalic.TTF} {
		f, err := truetype.Parse(ttf)
		if err != nil {
			fontErr = err
			return
		}
		fonts[name] = f
	}
}

// painter replays xdot operations onto a gg canvas.
type painter struct {
	dc          *gg.Context
	scale, h    float64 // points to pixels; the layout's height in points
	pen, fill   color.Color
	width       float64
	dash        []float64
	fontSize    float64
	fontFace    string
	faces       map[string]font.Face
	lastFaceKey string
}

func paintPNG(js []byte, scale float64, w io.Writer) error {
	var g xdotGraph
	if err := json.Unmarshal(js, &g); err != nil {
		return fmt.Errorf("%w: read layout: %v", ErrLayout, err)
	}
	bb := strings.Split(g.BB, ",")
	if len(bb) != 4 {
		return fmt.Errorf("%w: no bounding box in layout", ErrLayout)
	}
	wpt, _ := strconv.ParseFloat(bb[2], 64)
	hpt, _ := strconv.ParseFloat(bb[3], 64)
	// twice the SVG's size, but no side over 4,096 pixels
	if longest := max(wpt, hpt) * scale; longest > 4096 {
		scale *= 4096 / longest
	}
	if wpt <= 0 || hpt <= 0 || wpt*hpt*scale*scale > 400e6 {
		return fmt.Errorf("%w: a %.0f×%.0f pt drawing is too large for PNG (use svg)", ErrLayout, wpt, hpt)
	}
	fontsOnce.Do(loadFonts)
	if fontErr != nil {
		return fontErr
	}
	dc := gg.NewContext(int(wpt*scale+0.5), int(hpt*scale+0.5))
	dc.SetRGB(1, 1, 1)
	dc.Clear()
	p := &painter{dc: dc, scale: scale, h: hpt, faces: map[string]font.Face{}}
	p.reset()
	p.run(g.Draw)
	// edges first, as the SVG has them (outputorder=edgesfirst)
	for _, e := range g.Edges {
		for _, ops := range [][]xdotOp{e.Draw, e.HDraw, e.TDraw} {
			p.reset()
			p.run(ops)
		}
	}
	for _, n := range g.Objects {
		p.reset()
		p.run(n.Draw)
	}
	for _, o := range append(append([]xdotObj{g.xdotObj}, g.Objects...), g.Edges...) {
		for _, ops := range [][]xdotOp{o.LDraw, o.HLDraw, o.TLDraw} {
			p.reset()
			p.run(ops)
		}
	}
	return dc.EncodePNG(w)
}

func (p *painter) reset() {
	p.pen, p.fill = color.Black, color.Black
	p.width, p.dash = 1, nil
	p.fontSize, p.fontFace = 14, "Times-Roman"
}

func (p *painter) x(v float64) float64 { return v * p.scale }
func (p *painter) y(v float64) float64 { return (p.h - v) * p.scale }

func (p *painter) path(pts [][2]float64, bezier, closed bool) {
	dc := p.dc
	dc.NewSubPath()
	dc.MoveTo(p.x(pts[0][0]), p.y(pts[0][1]))
	if bezier {
		for i := 1; i+2 < len(pts); i += 3 {
			dc.CubicTo(p.x(pts[i][0]), p.y(pts[i][1]), p.x(pts[i+1][0]), p.y(pts[i+1][1]), p.x(pts[i+2][0]), p.y(pts[i+2][1]))
		}
	} else {
		for _, pt := range pts[1:] {
			dc.LineTo(p.x(pt[0]), p.y(pt[1]))
		}
	}
	if closed {
		dc.ClosePath()
	}
}

func (p *painter) stroke() {
	p.dc.SetColor(p.pen)
	p.dc.SetLineWidth(p.width * p.scale)
	if p.dash != nil {
		d := make([]float64, len(p.dash))
		for i, v := range p.dash {
			d[i] = v * p.scale
		}
		p.dc.SetDash(d...)
	} else {
		p.dc.SetDash()
	}
	p.dc.Stroke()
}

func (p *painter) fillPath() {
	p.dc.SetColor(p.fill)
	p.dc.FillPreserve()
	p.stroke()
}

func (p *painter) run(ops []xdotOp) {
	for _, op := range ops {
		switch op.Op {
		case "c":
			p.pen = parseColor(op.Color)
		case "C":
			p.fill = parseColor(op.Color)
		case "S":
			p.style(op.Style)
		case "F":
			p.fontSize, p.fontFace = op.Size, op.Face
		case "E", "e":
			cx, cy, rx, ry := op.Rect[0], op.Rect[1], op.Rect[2], op.Rect[3]
			p.dc.NewSubPath()
			p.dc.DrawEllipse(p.x(cx), p.y(cy), rx*p.scale, ry*p.scale)
			if op.Op == "E" {
				p.fillPath()
			} else {
				p.stroke()
			}
		case "P", "p", "L", "B", "b":
			if len(op.Points) < 2 {
				continue
			}
			bez := op.Op == "B" || op.Op == "b"
			closed := op.Op == "P" || op.Op == "p"
			p.path(op.Points, bez, closed)
			// Graphviz 12's JSON swaps the B-spline letters of xdot text:
			// there "B" is the filled one and "b" the line (seen: a filled
			// rounded box is "b" in -Txdot and "B" in -Tjson)
			if op.Op == "P" || op.Op == "B" {
				p.fillPath()
			} else {
				p.stroke()
			}
		case "T":
			p.text(op)
		}
	}
}

func (p *painter) style(s string) {
	switch {
	case strings.HasPrefix(s, "setlinewidth("):
		if v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimPrefix(s, "setlinewidth("), ")"), 64); err == nil {
			p.width = v
		}
	case s == "dashed":
		p.dash = []float64{5, 2}
	case s == "dotted":
		p.dash = []float64{1, 5}
	case s == "solid":
		p.dash = nil
	case s == "bold":
		p.width = 2
	}
}

// text draws a label at the size Graphviz chose, narrowed when our font
// runs wider than the width Graphviz measured.
func (p *painter) text(op xdotOp) {
	style := "regular"
	switch {
	case strings.Contains(p.fontFace, "Bold"):
		style = "bold"
	case strings.Contains(p.fontFace, "Oblique") || strings.Contains(p.fontFace, "Italic"):
		style = "italic"
	}
	size := p.fontSize * p.scale
	face := p.face(style, size)
	p.dc.SetFontFace(face)
	w, _ := p.dc.MeasureString(op.Text)
	if want := op.Width * p.scale; want > 0 && w > want*1.02 {
		size *= want / w
		face = p.face(style, size)
		p.dc.SetFontFace(face)
		w, _ = p.dc.MeasureString(op.Text)
	}
	x := p.x(op.Pt[0])
	switch op.Align {
	case "c":
		x -= w / 2
	case "r":
		x -= w
	}
	p.dc.SetColor(p.pen)
	p.dc.DrawString(op.Text, x, p.y(op.Pt[1]))
}

func (p *painter) face(style string, size float64) font.Face {
	key := fmt.Sprintf("%s/%.2f", style, size)
	if f, ok := p.faces[key]; ok {
		return f
	}
	f := truetype.NewFace(fonts[style], &truetype.Options{Size: size, DPI: 72, Hinting: font.HintingNone})
	p.faces[key] = f
	return f
}

// parseColor reads "#rrggbb", "#rrggbbaa" and the few names Graphviz
// passes through; anything else is black.
func parseColor(s string) color.Color {
	switch strings.ToLower(s) {
	case "white":
		return color.White
	case "none", "transparent":
		return color.Transparent
	case "black", "":
		return color.Black
	}
	if !strings.HasPrefix(s, "#") || len(s) != 7 && len(s) != 9 {
		return color.Black
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.Black
	}
	if len(s) == 7 {
		return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
	}
	return color.NRGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), uint8(v)}
}
