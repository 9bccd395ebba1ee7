package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
	"time"
)

// The routes: the page, its event stream, and the outputs by their names
// under the out dir.
const (
	eventsPath = "/events"
	outPrefix  = "/out/"
)

// Handler returns the server's HTTP handler. It answers GET only, to the
// page, the event stream and the outputs held in memory, and nothing
// else: no file of the disk is ever read for a request. With loopbackOnly
// it answers only requests that name a loopback host (localhost,
// 127.0.0.1, [::1]), so that no web page can reach it through a DNS name
// of its own that points at this machine.
func (s *Server) Handler(loopbackOnly bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if r.Method != http.MethodGet {
			h.Set("Allow", http.MethodGet)
			http.Error(w, "figgen serve answers GET only", http.StatusMethodNotAllowed)
			return
		}
		if loopbackOnly && !loopbackHost(r.Host) {
			http.Error(w, "figgen serve answers only to localhost", http.StatusForbidden)
			return
		}
		if !cleanPath(r) {
			http.Error(w, "bad path", http.StatusBadRequest)
			return
		}
		switch p := r.URL.Path; {
		case p == "/":
			s.servePage(w)
		case p == eventsPath:
			s.serveEvents(w, r)
		case strings.HasPrefix(p, outPrefix):
			s.serveFile(w, r, strings.TrimPrefix(p, outPrefix))
		default:
			http.NotFound(w, r)
		}
	})
}

// loopbackHost reports whether the Host header names a loopback address.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// cleanPath reports whether the request's path is one the server could
// answer: no "." or ".." element, no empty element, no backslash, and
// no slash or backslash written encoded (%2F, %5C), which would make a
// name under the out dir that no output has.
func cleanPath(r *http.Request) bool {
	lower := strings.ToLower(r.URL.EscapedPath())
	if strings.Contains(lower, "%2f") || strings.Contains(lower, "%5c") || strings.Contains(lower, "%00") {
		return false
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return false
	}
	if p == "/" {
		return true
	}
	for _, elem := range strings.Split(p[1:], "/") {
		if elem == "" || elem == "." || elem == ".." {
			return false
		}
	}
	return true
}

// contentTypes are the types of the outputs, by extension.
var contentTypes = map[string]string{
	".png": "image/png",
	".svg": "image/svg+xml",
	".pdf": "application/pdf",
}

// serveFile answers the output name from memory.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, name string) {
	s.mu.Lock()
	f := s.files[name]
	s.mu.Unlock()
	ctype, ok := contentTypes[path.Ext(name)]
	if f == nil || !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", `"`+f.sum+`"`)
	// An SVG opened on its own runs nothing and loads nothing.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(f.data))
}

// serveEvents streams the page's events: first "hello" with the server's
// id and the sequence number of its state (a page rendered from another
// state reloads), then "figure" with the new HTML of each figure that
// changes and "reload" when specs come or go.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch, seq := s.subscribe()
	defer s.unsubscribe(ch)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	fmt.Fprintf(w, "retry: 1000\nevent: hello\ndata: %s %d\n\n", s.id, seq)
	flusher.Flush()
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-ping.C:
			fmt.Fprint(w, ": ping\n\n")
		case ev, ok := <-ch:
			if !ok { // too slow to follow: start afresh
				ev = event{name: "reload", data: []byte(s.id)}
			}
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
			if !ok {
				flusher.Flush()
				return
			}
		}
		flusher.Flush()
	}
}

// servePage answers the page: every figure as it stands.
func (s *Server) servePage(w http.ResponseWriter) {
	s.mu.Lock()
	data := pageData{Path: s.opts.Path, ID: s.id, Seq: s.seq, ListErr: s.listErr}
	for _, name := range s.specs {
		if f := s.figs[name]; f != nil {
			data.Cards = append(data.Cards, template.HTML(f.card))
		}
	}
	s.mu.Unlock()
	var b bytes.Buffer
	if err := pageTemplate().Execute(&b, data); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'")
	w.Write(b.Bytes())
}

type pageData struct {
	Path, ID, ListErr string
	Seq               uint64
	Cards             []template.HTML
}

// cardData is what the page shows of one figure.
type cardData struct {
	Spec, Alt, Err string
	Images         []imageData
	Files          []linkData
}

type imageData struct {
	Name, URL, SrcSet string
	Theme             string // "light" or "dark": the backdrop it sits on
}

type linkData struct{ Name, URL string }

// fileURL is the address of an output: its name under outPrefix, with
// its hash as a version, so that a new render is a new image to the
// browser and an unchanged one is not fetched again.
func fileURL(o *file) string {
	elems := strings.Split(o.name, "/")
	for i, e := range elems {
		elems[i] = url.PathEscape(e)
	}
	return outPrefix + strings.Join(elems, "/") + "?v=" + o.sum
}

// card renders the page's HTML of f. Its images are the PNGs, or the SVGs
// of a figure without one, each at 1x with its @2x variant as a srcset when
// there is one; a ".dark." variant sits on a dark backdrop beside the
// light one. s.mu is held.
func (s *Server) card(f *figure) []byte {
	d := cardData{Spec: f.spec, Alt: f.alt, Err: strings.TrimSpace(f.err + "\n" + f.conflict)}
	byName := map[string]*file{}
	for _, o := range f.outputs {
		byName[o.name] = o
		d.Files = append(d.Files, linkData{o.name, fileURL(o)})
	}
	for _, ext := range []string{".png", ".svg"} {
		for _, o := range f.outputs {
			base, ok := strings.CutSuffix(o.name, ext)
			if !ok || strings.HasSuffix(base, "@2x") {
				continue
			}
			img := imageData{Name: o.name, URL: fileURL(o), Theme: "light"}
			if strings.Contains(path.Base(o.name), ".dark.") || strings.HasSuffix(base, ".dark") {
				img.Theme = "dark"
			}
			if x2 := byName[base+"@2x"+ext]; x2 != nil {
				img.SrcSet = img.URL + " 1x, " + fileURL(x2) + " 2x"
			}
			d.Images = append(d.Images, img)
		}
		if len(d.Images) > 0 {
			break
		}
	}
	var b bytes.Buffer
	if err := cardTemplate().Execute(&b, d); err != nil {
		panic(err) // a fixed template over plain strings
	}
	return b.Bytes()
}

// cardEvent is the data of a "figure" event for f. s.mu is held.
func (s *Server) cardEvent(f *figure) []byte {
	data, _ := json.Marshal(struct {
		Spec string `json:"spec"`
		Seq  uint64 `json:"seq"`
		HTML string `json:"html"`
	}{f.spec, s.seq, string(f.card)})
	return data
}

// The page and its cards are parsed when figgen serve first draws them,
// not at the start of every command.
var cardTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("card").Parse(`<section class="card{{if .Err}} failed{{end}}" data-spec="{{.Spec}}">
<h2><code>{{.Spec}}</code></h2>
{{if .Err}}<pre class="error" role="alert">{{.Err}}</pre>
{{end}}{{if .Images}}<div class="images">
{{range .Images}}<figure class="{{.Theme}}"><a href="{{.URL}}"><img src="{{.URL}}"{{if .SrcSet}} srcset="{{.SrcSet}}"{{end}} alt="{{$.Alt}}"></a><figcaption>{{.Name}}{{if $.Err}} (last good render){{end}}</figcaption></figure>
{{end}}</div>
{{end}}{{if .Alt}}<p class="alt">{{.Alt}}</p>
{{end}}{{if .Files}}<p class="files">{{range .Files}}<a href="{{.URL}}">{{.Name}}</a> {{end}}</p>
{{end}}</section>
`))
})

var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Parse(`<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>figgen serve {{.Path}}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; background: #f6f6f4; }
h1 { font-size: 1.3rem; font-weight: 600; }
h2 { font-size: 1rem; margin: 0 0 .6rem; }
main { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 1.5rem; }
.card { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 1rem; }
.card.failed { border-color: #c0392b; }
.images { display: flex; gap: .8rem; flex-wrap: wrap; }
.images figure { flex: 1 1 300px; margin: 0; padding: .5rem; border-radius: 4px; }
.images figure.light { background: #fff; }
.images figure.dark { background: #16181d; color: #ddd; }
.images img { width: 100%; height: auto; display: block; }
.failed .images { opacity: .35; }
figcaption, .files a { font-size: .8rem; color: #666; }
.files a { margin-right: .6rem; }
.alt { font-size: .9rem; line-height: 1.4; }
.error { white-space: pre-wrap; background: #fdecea; color: #8e1b10; border-left: 4px solid #c0392b; padding: .6rem .8rem; font-size: .85rem; margin: 0 0 .8rem; }
#status { font-size: .8rem; color: #888; }
</style>
</head>
<body data-id="{{.ID}}" data-seq="{{.Seq}}">
<h1>figgen serve <code>{{.Path}}</code> <span id="status"></span></h1>
{{if .ListErr}}<pre class="error" role="alert">{{.ListErr}}</pre>
{{end}}<main>
{{range .Cards}}{{.}}{{end}}</main>
<script>
(() => {
  const id = document.body.dataset.id;
  const status = document.getElementById("status");
  const es = new EventSource("/events");
  es.addEventListener("hello", (e) => {
    const [sid, sseq] = e.data.split(" ");
    if (sid !== id || sseq !== document.body.dataset.seq) location.reload();
    status.textContent = "live";
  });
  es.addEventListener("reload", () => location.reload());
  es.addEventListener("figure", (e) => {
    const m = JSON.parse(e.data);
    document.body.dataset.seq = m.seq;
    for (const card of document.querySelectorAll("section.card")) {
      if (card.dataset.spec === m.spec) card.outerHTML = m.html;
    }
  });
  es.onerror = () => { status.textContent = "disconnected: is figgen serve running?"; };
})();
</script>
</body>
</html>
`))
})
