package release

import (
	"strings"
	"unicode"

	"golang.org/x/text/language"
)

// label returns the field a label key names, nil for an unknown key.
func (w *Words) label(key string) *string {
	switch key {
	case "kind":
		return &w.Kind
	case "immediate":
		return &w.Immediate
	case "embargoed":
		return &w.Embargoed
	case "embargo-subject":
		return &w.EmbargoSubject
	case "end-mark":
		return &w.EndMark
	case "more-mark":
		return &w.MoreMark
	case "date-prefix":
		return &w.DatePrefix
	case "notes-heading":
		return &w.NotesHeading
	case "about-heading":
		return &w.AboutHeading
	case "contact-heading":
		return &w.ContactHeading
	case "contacts-heading":
		return &w.ContactsHeading
	case "reference":
		return &w.Reference
	case "footer-reference":
		return &w.FooterReference
	case "page-number":
		return &w.PageNumber
	case "email":
		return &w.Email
	case "phone":
		return &w.Phone
	case "mobile":
		return &w.Mobile
	case "office":
		return &w.Office
	case "website":
		return &w.Website
	case "and":
		return &w.And
	case "email-link":
		return &w.EmailLink
	case "phone-link":
		return &w.PhoneLink
	case "web-link":
		return &w.WebLink
	case "footer-notice":
		return &w.FooterNotice
	case "registration":
		return &w.Registration
	}
	return nil
}

// Label returns the wording of a label key ("notes-heading") in w, and
// whether the key exists.
func (w *Words) Label(key string) (string, bool) {
	if p := w.label(key); p != nil {
		return *p, true
	}
	return "", false
}

// Script names the writing system of a table pressroom cannot yet set in
// a PDF: right-to-left scripts (Arabic, Urdu) need bidirectional
// ordering and joining, the Indic scripts (Bengali, Gurmukhi, Devanagari)
// need shaping, and none of the bundled fonts covers Chinese. Empty for
// the scripts it sets (Latin).
func (w *Words) Script() string { return w.script }

// Shaped reports whether the language's script needs shaping or
// right-to-left layout, which pressroom cannot do in a PDF yet.
func (w *Words) Shaped() bool { return w.shaped }

// RightToLeft reports whether the language is written right to left.
func (w *Words) RightToLeft() bool { return w.rtl }

// table is one language's wording in the source form: labels by key, the
// keys no real source confirms yet, and how dates are written.
type table struct {
	tag, name string
	cldr      string // CLDR locale of its dates
	labels    map[string]string
	// unchecked are the label keys no real release of a public body or
	// official terminology confirms yet (docs/languages.md: "check").
	unchecked string
	script    string
	rtl       bool
	indic     bool // an Indic script: letters combine
	// embargoAt, when set, orders the embargo moment: "{time}",
	// "{zone}", "{weekday}", "{date}"; else CLDR's date-time glue.
	embargoAt    string
	lowerWeekday bool // weekdays in running text start lower-case ("dydd Mawrth")
	nameSep      string
	labelSep     string
	// andBefore, when set, is the word "and" before a given name (Welsh
	// "ac" before a vowel).
	andBefore func(next string) string
}

// supported lists every table's tag; the first is the fallback.
var supported = []string{"en-GB", "en-US", "cy", "ga", "gd", "fr", "de", "es", "it", "pl", "pt", "ro", "ur", "bn", "pa", "ar", "hi", "so", "zh"}

var matcher = language.NewMatcher(func() []language.Tag {
	tags := make([]language.Tag, len(supported))
	for i, s := range supported {
		tags[i] = language.MustParse(s)
	}
	return tags
}())

// Match says which table a language tag gets. Exact is false when the
// tag falls back: to a related table (pa-Arab to pa, written in
// Gurmukhi) or, for a language pressroom has no table for, to British
// English.
type Match struct {
	Tag   string // the table's tag: "cy", "en-GB"
	Name  string // the table's language in English: "Welsh"
	Exact bool
}

// MatchLang chooses the table for a BCP 47 tag. English without a region
// or with any region but the United States is British English, as
// pressroom has always written; other languages by golang.org/x/text's
// matcher, which also knows scripts (zh-Hant is not zh, pa-Arab not pa).
func MatchLang(lang string) Match {
	lang = strings.TrimSpace(lang)
	if lang == "" {
		return Match{Tag: "en-GB", Name: "British English", Exact: true}
	}
	t, err := language.Parse(lang)
	if err != nil {
		return Match{Tag: "en-GB", Name: "British English"}
	}
	base, _ := t.Base()
	if base.String() == "en" {
		script, _ := t.Script()
		region, conf := t.Region()
		if region.String() == "US" && conf == language.Exact {
			return Match{Tag: "en-US", Name: "American English", Exact: script.String() == "Latn"}
		}
		return Match{Tag: "en-GB", Name: "British English", Exact: script.String() == "Latn"}
	}
	_, i, conf := matcher.Match(t)
	if conf == language.No || supported[i] == "en-GB" || supported[i] == "en-US" {
		return Match{Tag: "en-GB", Name: "British English"}
	}
	tag := supported[i]
	// A tag of a table's language with another script (pa-Arab, zh-Hant)
	// is a fallback even when the matcher is fairly sure.
	exact := conf >= language.High
	if want, _ := t.Script(); exact {
		got, _ := language.MustParse(tag).Script()
		exact = want == got
	}
	return Match{Tag: tag, Name: tables[tag].name, Exact: exact}
}

// WordsFor returns the table of words for a BCP 47 language tag (cy,
// cy-GB, en-US, pa-Guru): the table MatchLang chooses, a fresh copy the
// caller may change. Every tag gets one; British English is the
// fallback.
func WordsFor(lang string) *Words {
	m := MatchLang(lang)
	if m.Tag == "en-GB" {
		return english()
	}
	if m.Tag == "en-US" {
		w := english()
		w.Lang, w.Name = "en-US", "American English"
		w.dateStyle = "month-day"
		return w
	}
	return tables[m.Tag].words()
}

func (t *table) words() *Words {
	w := english()
	w.Lang, w.Name = t.tag, t.name
	w.fromLayout = false
	w.Plural = nil
	w.Ordinal = nil
	w.cldr = cldrLocales[t.cldr]
	w.Months, w.Weekdays = w.cldr.Months, w.cldr.Weekdays
	for k, v := range t.labels {
		*w.label(k) = v
	}
	w.unchecked = strings.Fields(t.unchecked)
	w.script, w.rtl, w.shaped = t.script, t.rtl, t.rtl || t.indic
	w.embargoAt, w.lowerWeekday = t.embargoAt, t.lowerWeekday
	if t.nameSep != "" {
		w.NameSep = t.nameSep
	}
	if t.labelSep != "" {
		w.LabelSep = t.labelSep
	}
	w.andBefore = t.andBefore
	return w
}

// Unchecked lists the label keys of w that no real source confirms yet:
// a native speaker must check them (docs/languages.md).
func (w *Words) Unchecked() []string { return append([]string(nil), w.unchecked...) }

// welshAnd is "a" before a consonant and "ac" before a vowel.
func welshAnd(next string) string {
	for _, r := range next {
		if strings.ContainsRune("AEIOUWYÂÊÎÔÛŴŶaeiouwyâêîôûŵŷ", r) {
			return " ac "
		}
		if unicode.IsLetter(r) {
			return " a "
		}
	}
	return " a "
}

// tables is every language's wording but English. docs/languages.md
// gives the source of each label; the keys in unchecked have none yet.
var tables = map[string]*table{
	"cy": {tag: "cy", name: "Welsh", cldr: "cy",
		labels: map[string]string{
			"kind": "Datganiad i'r wasg", "immediate": "I'w gyhoeddi ar unwaith",
			"embargoed": "Dan embargo {time}", "embargo-subject": "DAN EMBARGO: ",
			"end-mark": "Diwedd", "more-mark": "- mwy -", "date-prefix": "",
			"notes-heading": "Nodiadau i olygyddion", "about-heading": "Gwybodaeth amdanom ni",
			"contact-heading": "Cyswllt i'r cyfryngau", "contacts-heading": "Cysylltiadau i'r cyfryngau",
			"reference": "Cyfeirnod: {reference}", "footer-reference": "Cyf: {reference}",
			"page-number": "Tudalen {page} o {pages}",
			"email":       "E-bost", "phone": "Ffôn", "mobile": "Ffôn symudol", "office": "Swyddfa", "website": "Gwefan",
			"and": " a ", "email-link": "E-bost {address}", "phone-link": "Ffôn {number}", "web-link": "{text} ({address})",
		},
		unchecked:    "immediate more-mark contact-heading contacts-heading reference page-number mobile office",
		embargoAt:    "{time} {zone} {weekday} {date}",
		lowerWeekday: true,
		andBefore:    welshAnd,
	},
	"ga": {tag: "ga", name: "Irish", cldr: "ga",
		labels: map[string]string{
			"kind": "Preaseisiúint", "immediate": "Le heisiúint láithreach",
			"embargoed": "Faoi lánchosc go dtí {time}", "embargo-subject": "FAOI LÁNCHOSC: ",
			"end-mark": "CRÍOCH", "more-mark": "- tuilleadh -",
			"notes-heading": "Nótaí don eagarthóir", "about-heading": "Eolas cúlra",
			"contact-heading": "Teagmháil do na meáin", "contacts-heading": "Teagmhálacha do na meáin",
			"reference": "Tagairt: {reference}", "footer-reference": "Tagairt: {reference}",
			"page-number": "Leathanach {page} as {pages}",
			"email":       "R-phost", "phone": "Teileafón", "mobile": "Fón póca", "office": "Oifig", "website": "Suíomh gréasáin",
			"and": " agus ", "email-link": "R-phost {address}", "phone-link": "Teileafón {number}",
		},
		unchecked: "immediate embargoed embargo-subject more-mark notes-heading about-heading contact-heading contacts-heading reference footer-reference page-number mobile office website",
	},
	"gd": {tag: "gd", name: "Scottish Gaelic", cldr: "gd",
		labels: map[string]string{
			"kind": "Brath-naidheachd", "immediate": "Airson fhoillseachadh sa bhad",
			"embargoed": "Fo bhacadh gu {time}", "embargo-subject": "FO BHACADH: ",
			"end-mark": "CRÌOCH", "more-mark": "- tuilleadh -",
			"notes-heading": "Notaichean do luchd-deasachaidh", "about-heading": "Fiosrachadh cùl-raoin",
			"contact-heading": "Conaltradh nam meadhanan", "contacts-heading": "Conaltradh nam meadhanan",
			"reference": "Iomradh: {reference}", "footer-reference": "Iomradh: {reference}",
			"page-number": "Duilleag {page} de {pages}",
			"email":       "Post-d", "phone": "Fòn", "mobile": "Fòn-làimhe", "office": "Oifis", "website": "Làrach-lìn",
			"and": " agus ", "email-link": "Post-d {address}", "phone-link": "Fòn {number}",
		},
		unchecked: "kind immediate embargoed embargo-subject end-mark more-mark notes-heading about-heading contact-heading contacts-heading reference footer-reference page-number email phone mobile office website and email-link phone-link",
	},
	"fr": {tag: "fr", name: "French", cldr: "fr",
		labels: map[string]string{
			"kind": "Communiqué de presse", "immediate": "Pour diffusion immédiate",
			"embargoed": "Sous embargo jusqu'au {time}", "embargo-subject": "EMBARGO: ",
			"end-mark": "FIN", "more-mark": "- suite -",
			"notes-heading": "Note aux rédactions", "about-heading": "À propos de {organisation}",
			"contact-heading": "Contact presse", "contacts-heading": "Contacts presse",
			"reference": "Référence: {reference}", "footer-reference": "Réf.: {reference}",
			"page-number": "Page {page} sur {pages}",
			"email":       "Courriel", "phone": "Téléphone", "mobile": "Portable", "office": "Bureau", "website": "Site web",
			"and": " et ", "email-link": "Courriel {address}", "phone-link": "Téléphone {number}",
		},
		unchecked: "immediate embargoed embargo-subject end-mark more-mark notes-heading about-heading contact-heading contacts-heading reference footer-reference page-number mobile office website",
	},
	"de": {tag: "de", name: "German", cldr: "de",
		labels: map[string]string{
			"kind": "Pressemitteilung", "immediate": "Zur sofortigen Veröffentlichung",
			"embargoed": "Sperrfrist: {time}", "embargo-subject": "SPERRFRIST: ",
			"end-mark": "ENDE", "more-mark": "- Fortsetzung -",
			"notes-heading": "Redaktioneller Hinweis", "about-heading": "Über {organisation}",
			"contact-heading": "Pressekontakt", "contacts-heading": "Pressekontakte",
			"reference": "Aktenzeichen: {reference}", "footer-reference": "Az.: {reference}",
			"page-number": "Seite {page} von {pages}",
			"email":       "E-Mail", "phone": "Telefon", "mobile": "Mobil", "office": "Büro", "website": "Internet",
			"and": " und ", "email-link": "E-Mail {address}", "phone-link": "Telefon {number}",
		},
		unchecked: "immediate embargoed embargo-subject end-mark more-mark about-heading contacts-heading reference footer-reference page-number mobile office website",
	},
	"es": {tag: "es", name: "Spanish", cldr: "es",
		labels: map[string]string{
			"kind": "Nota de prensa", "immediate": "Para publicación inmediata",
			"embargoed": "Embargado hasta el {time}", "embargo-subject": "EMBARGO: ",
			"end-mark": "FIN", "more-mark": "- sigue -",
			"notes-heading": "Nota para las redacciones", "about-heading": "Acerca de {organisation}",
			"contact-heading": "Contacto de prensa", "contacts-heading": "Contactos de prensa",
			"reference": "Referencia: {reference}", "footer-reference": "Ref.: {reference}",
			"page-number": "Página {page} de {pages}",
			"email":       "Correo electrónico", "phone": "Teléfono", "mobile": "Móvil", "office": "Oficina", "website": "Sitio web",
			"and": " y ", "email-link": "Correo electrónico {address}", "phone-link": "Teléfono {number}",
		},
		unchecked: "immediate embargoed embargo-subject end-mark more-mark notes-heading about-heading contact-heading contacts-heading reference footer-reference page-number mobile office website",
	},
	"it": {tag: "it", name: "Italian", cldr: "it",
		labels: map[string]string{
			"kind": "Comunicato stampa", "immediate": "Per diffusione immediata",
			"embargoed": "Sotto embargo fino a {time}", "embargo-subject": "EMBARGO: ",
			"end-mark": "FINE", "more-mark": "- segue -",
			"notes-heading": "Note per le redazioni", "about-heading": "Informazioni su {organisation}",
			"contact-heading": "Contatto stampa", "contacts-heading": "Contatti stampa",
			"reference": "Riferimento: {reference}", "footer-reference": "Rif.: {reference}",
			"page-number": "Pagina {page} di {pages}",
			"email":       "E-mail", "phone": "Telefono", "mobile": "Cellulare", "office": "Ufficio", "website": "Sito web",
			"and": " e ", "email-link": "E-mail {address}", "phone-link": "Telefono {number}",
		},
		unchecked: "immediate embargoed embargo-subject end-mark more-mark notes-heading about-heading contact-heading contacts-heading reference footer-reference page-number mobile office website",
	},
	"pl": {tag: "pl", name: "Polish", cldr: "pl",
		labels: map[string]string{
			"kind": "Komunikat prasowy", "immediate": "Do natychmiastowej publikacji",
			"embargoed": "Embargo: {time}", "embargo-subject": "EMBARGO: ",
			"end-mark": "KONIEC", "more-mark": "- ciąg dalszy -",
			"notes-heading": "Informacje dla redakcji", "about-heading": "Informacje o organizacji",
			"contact-heading": "Kontakt dla mediów", "contacts-heading": "Kontakt dla mediów",
			"reference": "Sygnatura: {reference}", "footer-reference": "Sygn.: {reference}",
			"page-number": "Strona {page} z {pages}",
			"email":       "E-mail", "phone": "Telefon", "mobile": "Tel. kom.", "office": "Biuro", "website": "Strona internetowa",
			"and": " i ", "email-link": "E-mail {address}", "phone-link": "Telefon {number}",
		},
		unchecked: "immediate embargoed embargo-subject end-mark more-mark notes-heading about-heading contact-heading contacts-heading reference footer-reference page-number email mobile office website email-link",
	},
	"pt": {tag: "pt", name: "Portuguese", cldr: "pt",
		labels: map[string]string{
			"kind": "Comunicado de imprensa", "immediate": "Para divulgação imediata",
			"embargoed": "Sob embargo até {time}", "embargo-subject": "EMBARGO: ",
			"end-mark": "FIM", "more-mark": "- continua -",
			"notes-heading": "Notas para os editores", "about-heading": "Sobre {organisation}",
			"contact-heading": "Contacto de imprensa", "contacts-heading": "Contactos de imprensa",
			"reference": "Referência: {reference}", "footer-reference": "Ref.: {reference}",
			"page-number": "Página {page} de {pages}",
			"email":       "E-mail", "phone": "Telefone", "mobile": "Telemóvel", "office": "Escritório", "website": "Sítio web",
			"and": " e ", "email-link": "E-mail {address}", "phone-link": "Telefone {number}",
		},
		unchecked: "immediate embargoed embargo-subject end-mark more-mark notes-heading about-heading contact-heading contacts-heading reference footer-reference page-number mobile office website",
	},
	"ro": {tag: "ro", name: "Romanian", cldr: "ro",
		labels: map[string]string{
			"kind": "Comunicat de presă", "immediate": "Pentru publicare imediată",
			"embargoed": "Sub embargo până {time}", "embargo-subject": "EMBARGO: ",
			"end-mark": "SFÂRȘIT", "more-mark": "- continuare -",
			"notes-heading": "Note pentru redacții", "about-heading": "Despre {organisation}",
			"contact-heading": "Contact presă", "contacts-heading": "Contacte presă",
			"reference": "Referință: {reference}", "footer-reference": "Ref.: {reference}",
			"page-number": "Pagina {page} din {pages}",
			"email":       "E-mail", "phone": "Telefon", "mobile": "Mobil", "office": "Birou", "website": "Site web",
			"and": " și ", "email-link": "E-mail {address}", "phone-link": "Telefon {number}",
		},
		unchecked: "immediate embargoed embargo-subject end-mark more-mark notes-heading about-heading contact-heading contacts-heading reference footer-reference page-number mobile office website",
	},
	"so": {tag: "so", name: "Somali", cldr: "so",
		labels: map[string]string{
			"kind": "War-saxaafadeed", "immediate": "Si degdeg ah loo faafiyo",
			"embargoed": "Lama faafin karo ilaa {time}", "embargo-subject": "LAMA FAAFIN KARO: ",
			"end-mark": "DHAMAAD", "more-mark": "- waa la sii wadaa -",
			"notes-heading": "Qoraal loogu talagalay tifaftirayaasha", "about-heading": "Ku saabsan {organisation}",
			"contact-heading": "Xiriirka warbaahinta", "contacts-heading": "Xiriirka warbaahinta",
			"reference": "Tixraac: {reference}", "footer-reference": "Tixraac: {reference}",
			"page-number": "Bogga {page} ee {pages}",
			"email":       "Iimaylka", "phone": "Telefoonka", "mobile": "Mobaayil", "office": "Xafiis", "website": "Websaydh",
			"and": " iyo ", "email-link": "Iimaylka {address}", "phone-link": "Telefoonka {number}",
		},
		unchecked: "immediate embargoed embargo-subject end-mark more-mark notes-heading about-heading contact-heading contacts-heading reference footer-reference page-number mobile office website",
	},
	"ur": {tag: "ur", name: "Urdu", cldr: "ur", script: "the Arabic script of Urdu", rtl: true,
		labels: map[string]string{
			"kind": "پریس ریلیز", "immediate": "فوری اشاعت کے لیے",
			"embargoed": "{time} تک اشاعت ممنوع", "embargo-subject": "اشاعت ممنوع: ",
			"end-mark": "ختم", "more-mark": "- جاری ہے -",
			"notes-heading": "مدیران کے لیے نوٹ", "about-heading": "{organisation} کے بارے میں",
			"contact-heading": "میڈیا رابطہ", "contacts-heading": "میڈیا رابطے",
			"reference": "حوالہ: {reference}", "footer-reference": "حوالہ: {reference}",
			"page-number": "صفحہ {page} از {pages}",
			"email":       "ای میل", "phone": "فون", "mobile": "موبائل", "office": "دفتر", "website": "ویب سائٹ",
			"and": " اور ", "email-link": "ای میل {address}", "phone-link": "فون {number}",
		},
		nameSep:   "، ",
		unchecked: "immediate embargoed embargo-subject end-mark more-mark notes-heading about-heading contact-heading contacts-heading reference footer-reference page-number mobile office website",
	},
	"ar": {tag: "ar", name: "Arabic", cldr: "ar", script: "the Arabic script", rtl: true,
		labels: map[string]string{
			"kind": "بيان صحفي", "immediate": "للنشر الفوري",
			"embargoed": "يحظر النشر قبل {time}", "embargo-subject": "يحظر النشر: ",
			"end-mark": "انتهى", "more-mark": "- يتبع -",
			"notes-heading": "ملاحظات للمحررين", "about-heading": "نبذة عن {organisation}",
			"contact-heading": "جهة الاتصال الإعلامية", "contacts-heading": "جهات الاتصال الإعلامية",
			"reference": "المرجع: {reference}", "footer-reference": "المرجع: {reference}",
			"page-number": "الصفحة {page} من {pages}",
			"email":       "البريد الإلكتروني", "phone": "الهاتف", "mobile": "الجوال", "office": "المكتب", "website": "الموقع الإلكتروني",
			"and": " و", "email-link": "البريد الإلكتروني {address}", "phone-link": "الهاتف {number}",
		},
		nameSep:   "، ",
		unchecked: "immediate embargoed embargo-subject end-mark more-mark notes-heading about-heading contact-heading contacts-heading reference footer-reference page-number mobile office website",
	},
	"bn": {tag: "bn", indic: true, name: "Bengali", cldr: "bn", script: "the Bengali script",
		labels: map[string]string{
			"kind": "তথ্যবিবরণী", "immediate": "অবিলম্বে প্রকাশের জন্য",
			"embargoed": "{time} পর্যন্ত প্রকাশে নিষেধাজ্ঞা", "embargo-subject": "প্রকাশে নিষেধাজ্ঞা: ",
			"end-mark": "শেষ", "more-mark": "- চলবে -",
			"notes-heading": "সম্পাদকদের জন্য নোট", "about-heading": "{organisation} সম্পর্কে",
			"contact-heading": "গণমাধ্যম যোগাযোগ", "contacts-heading": "গণমাধ্যম যোগাযোগ",
			"reference": "নম্বর: {reference}", "footer-reference": "নম্বর: {reference}",
			"page-number": "পৃষ্ঠা {page}/{pages}",
			"email":       "ইমেইল", "phone": "ফোন", "mobile": "মোবাইল", "office": "অফিস", "website": "ওয়েবসাইট",
			"and": " এবং ", "email-link": "ইমেইল {address}", "phone-link": "ফোন {number}",
		},
		unchecked: "immediate embargoed embargo-subject end-mark more-mark notes-heading about-heading contact-heading contacts-heading footer-reference page-number mobile office website",
	},
	"pa": {tag: "pa", indic: true, name: "Punjabi (Gurmukhi)", cldr: "pa", script: "the Gurmukhi script",
		labels: map[string]string{
			"kind": "ਪ੍ਰੈਸ ਰਿਲੀਜ਼", "immediate": "ਤੁਰੰਤ ਜਾਰੀ ਕਰਨ ਲਈ",
			"embargoed": "{time} ਤੱਕ ਪ੍ਰਕਾਸ਼ਨ 'ਤੇ ਰੋਕ", "embargo-subject": "ਪ੍ਰਕਾਸ਼ਨ 'ਤੇ ਰੋਕ: ",
			"end-mark": "ਸਮਾਪਤ", "more-mark": "- ਜਾਰੀ -",
			"notes-heading": "ਸੰਪਾਦਕਾਂ ਲਈ ਨੋਟ", "about-heading": "{organisation} ਬਾਰੇ",
			"contact-heading": "ਮੀਡੀਆ ਸੰਪਰਕ", "contacts-heading": "ਮੀਡੀਆ ਸੰਪਰਕ",
			"reference": "ਹਵਾਲਾ: {reference}", "footer-reference": "ਹਵਾਲਾ: {reference}",
			"page-number": "ਪੰਨਾ {page}/{pages}",
			"email":       "ਈਮੇਲ", "phone": "ਫ਼ੋਨ", "mobile": "ਮੋਬਾਈਲ", "office": "ਦਫ਼ਤਰ", "website": "ਵੈੱਬਸਾਈਟ",
			"and": " ਅਤੇ ", "email-link": "ਈਮੇਲ {address}", "phone-link": "ਫ਼ੋਨ {number}",
		},
		unchecked: "kind immediate embargoed embargo-subject end-mark more-mark notes-heading about-heading contact-heading contacts-heading reference footer-reference page-number email mobile office website email-link",
	},
	"hi": {tag: "hi", indic: true, name: "Hindi", cldr: "hi", script: "the Devanagari script",
		labels: map[string]string{
			"kind": "प्रेस रिलीज", "immediate": "तत्काल जारी करने हेतु",
			"embargoed": "{time} तक प्रकाशन प्रतिबंधित", "embargo-subject": "प्रकाशन प्रतिबंधित: ",
			"end-mark": "समाप्त", "more-mark": "- जारी -",
			"notes-heading": "संपादकों के लिए टिप्पणी", "about-heading": "{organisation} के बारे में",
			"contact-heading": "मीडिया संपर्क", "contacts-heading": "मीडिया संपर्क",
			"reference": "संदर्भ: {reference}", "footer-reference": "संदर्भ: {reference}",
			"page-number": "पृष्ठ {page}/{pages}",
			"email":       "ईमेल", "phone": "फ़ोन", "mobile": "मोबाइल", "office": "कार्यालय", "website": "वेबसाइट",
			"and": " और ", "email-link": "ईमेल {address}", "phone-link": "फ़ोन {number}",
		},
		unchecked: "immediate embargoed embargo-subject end-mark more-mark notes-heading about-heading contact-heading contacts-heading reference footer-reference page-number mobile office website",
	},
	"zh": {tag: "zh", name: "Chinese (Simplified)", cldr: "zh", script: "Chinese characters",
		labels: map[string]string{
			"kind": "新闻稿", "immediate": "即时发布",
			"embargoed": "{time}前不得发布", "embargo-subject": "不得发布：",
			"end-mark": "完", "more-mark": "（续）",
			"notes-heading": "编者注", "about-heading": "关于{organisation}",
			"contact-heading": "媒体联系人", "contacts-heading": "媒体联系人",
			"reference": "编号：{reference}", "footer-reference": "编号：{reference}",
			"page-number": "第{page}页，共{pages}页",
			"email":       "电子邮箱", "phone": "电话", "mobile": "手机", "office": "办公室", "website": "网站",
			"and": "和", "email-link": "电子邮箱 {address}", "phone-link": "电话 {number}",
		},
		nameSep: "、", labelSep: "：",
		unchecked: "immediate embargoed embargo-subject end-mark more-mark notes-heading about-heading contact-heading contacts-heading reference footer-reference page-number mobile office website",
	},
}
