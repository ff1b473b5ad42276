package archive

import (
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/statement"
)

// A date line of a release in each language pressroom has a table for,
// as the languages' writers type it, is read to the date a reader
// would read.
func TestParseDateInEveryLanguage(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Date
	}{
		// English and Welsh, as before.
		{"Tuesday 17th December 2024", Date{2024, time.December, 17}},
		{"December 17, 2024", Date{2024, time.December, 17}},
		{"17 Sept. 2024", Date{2024, time.September, 17}},
		{"Thurs 9 January 2025", Date{2025, time.January, 9}},
		{"1st of May 2020", Date{2020, time.May, 1}},
		{"dydd Gwener 21 Awst 2020", Date{2020, time.August, 21}},
		{"Dydd Mawrth, 17 Rhagfyr 2024", Date{2024, time.December, 17}},
		{"1af Fawrth 2011", Date{2011, time.March, 1}},
		// Polish: the genitive (CLDR's format form), the nominative, the
		// abbreviation, and "r." after the year.
		{"2 maja 2025", Date{2025, time.May, 2}},
		{"4 lipca 2017 r.", Date{2017, time.July, 4}},
		{"piątek, 2 maja 2025", Date{2025, time.May, 2}},
		{"2 maj 2025", Date{2025, time.May, 2}},
		{"17 paź 2025", Date{2025, time.October, 17}},
		{"ŚRODA, 14 PAŹDZIERNIKA 2026", Date{2026, time.October, 14}},
		// Urdu: Latin and Extended Arabic-Indic digits, with and without
		// CLDR's comma, with the weekday.
		{"2 مئی 2025", Date{2025, time.May, 2}},
		{"۲ مئی ۲۰۲۵", Date{2025, time.May, 2}},
		{"۱۴ اکتوبر، ۲۰۲۶", Date{2026, time.October, 14}},
		{"جمعہ، 2 مئی، 2025", Date{2025, time.May, 2}},
		// Urdu typed with an Arabic keyboard's kaf and yeh.
		{"14 اكتوبر 2026", Date{2026, time.October, 14}},
		// Bengali: Bengali digits, CLDR's comma, abbreviations.
		{"২ মে ২০২৫", Date{2025, time.May, 2}},
		{"শুক্রবার, ২ মে, ২০২৫", Date{2025, time.May, 2}},
		{"১৪ অক্টোবর, ২০২৬", Date{2026, time.October, 14}},
		{"৩ ফেব্রুয়ারি ২০২৫", Date{2025, time.February, 3}},
		{"3 ফেব্রুযারি 2025", Date{2025, time.February, 3}}, // no nukta
		// Punjabi (Gurmukhi): Gurmukhi digits, and February with and
		// without its nukta, as pib.gov.in writes "13 ਫਰਵਰੀ, 2024".
		{"13 ਫਰਵਰੀ, 2024", Date{2024, time.February, 13}},
		{"੧੩ ਫ਼ਰਵਰੀ ੨੦੨੪", Date{2024, time.February, 13}},
		{"ਸ਼ੁੱਕਰਵਾਰ, 2 ਮਈ 2025", Date{2025, time.May, 2}},
		// Arabic: the Gulf's names (as UK bodies print them), the
		// Levant's, both side by side as the UN writes them, the
		// Maghreb's, Arabic-Indic digits, alef written without hamza.
		{"2 مايو 2025", Date{2025, time.May, 2}},
		{"٢ مايو ٢٠٢٥", Date{2025, time.May, 2}},
		{"2 أيار 2025", Date{2025, time.May, 2}},
		{"28 تموز/ يوليو 2020", Date{2020, time.July, 28}},
		{"الخميس، 14 تشرين الأول 2021", Date{2021, time.October, 14}},
		{"3 ابريل 2025", Date{2025, time.April, 3}},
		{"5 جانفي 2025", Date{2025, time.January, 5}},
		// Hindi, Chinese, and the languages with "de" in the pattern.
		{"17 दिसंबर 2024", Date{2024, time.December, 17}},
		{"2025年7月23日", Date{2025, time.July, 23}},
		{"2025年7月23日星期三", Date{2025, time.July, 23}},
		{"17 de diciembre de 2024", Date{2024, time.December, 17}},
		{"17. Dezember 2024", Date{2024, time.December, 17}},
		// Figures in any digits.
		{"١٧/١٢/٢٠٢٤", Date{2024, time.December, 17}},
		{"17\u200f/12\u200f/2024", Date{2024, time.December, 17}},
		{"২০২৪-১২-১৭", Date{2024, time.December, 17}},
	} {
		m, ok := parseDate(c.in)
		if !ok {
			t.Errorf("%q: no date read", c.in)
			continue
		}
		if m.Date != c.want {
			t.Errorf("%q: read %s, want %s", c.in, m.Date, c.want)
		}
	}
}

// A date in running text is found, and ends where the date ends.
func TestFindDateInText(t *testing.T) {
	for _, c := range []struct{ in, date string }{
		{"Warszawa, 4 lipca 2017 r. Rada Miasta ogłosiła", "4 lipca 2017 r."},
		{"Od 2 maja 2025 roku biblioteka", "2 maja 2025"},
		{"کونسل نے آج (۲ مئی ۲۰۲۵) اعلان کیا", "۲ مئی ۲۰۲۵"},
		{"লন্ডন, ১৪ অক্টোবর, ২০২৬: কাউন্সিল", "১৪ অক্টোবর, ২০২৬"},
	} {
		m, ok := findDate(c.in)
		if !ok {
			t.Errorf("%q: no date found", c.in)
			continue
		}
		if got := c.in[m.Start:m.End]; got != c.date {
			t.Errorf("%q: found %q, want %q", c.in, got, c.date)
		}
	}
}

// What is not a date stays unread: two names of different months, a
// date inside a longer number or word, a day the month does not have.
func TestParseDateRefuses(t *testing.T) {
	for _, in := range []string{
		"28 تموز/ أيار 2020",
		"31 lutego 2025",
		"12 May 20250",
		"x2 May 2025",
		"ক২ মে ২০২৫",
		"2 maja",
		"maja 2025",
		"30 February 2024",
	} {
		if m, ok := parseDate(in); ok {
			t.Errorf("%q: read as %s", in, m.Date)
		}
	}
}

// shahmukhi is a council's news in Punjabi written in the Arabic script
// (Shahmukhi), as Urdu's test sentence above says it; the sentence is
// ours.
const shahmukhi = "ہیروبی کونسل نے اج مارکیٹ سٹریٹ تے اک نواں صلاح مرکز کھولیا اے، جتھے رہائشی گھراں، بینیفٹس تے بجلی دے بلاں بارے مفت مدد لے سکدے نیں۔ " +
	"ایہہ مرکز سوموار توں جمعے تک کھلا رہوے گا۔ کونسلر نسرین اختر نے آکھیا: اسیں جاندے آں کہ ساڈے شہر دے بوہت سارے ٹبر مہنگائی توں پریشان نیں، " +
	"تے اسیں چاہندے آں کہ ہر بندے نوں پتہ ہووے کہ مدد کتھوں ملدی اے۔"

// The language is guessed from the text where its script or letters
// say it, and not from a quoted line or a name.
func TestGuessLang(t *testing.T) {
	english := strings.Repeat("The council said the new centre will open on Monday for residents. ", 5)
	for _, c := range []struct{ text, want string }{
		{"ہیروبی کونسل نے آج مارکیٹ اسٹریٹ پر ایک نیا مشاورتی مرکز کھولا ہے، جہاں رہائشی مفت مدد حاصل کر سکتے ہیں۔", "ur"},
		{"افتتح مجلس هاروبي اليوم مركزاً جديداً لتقديم المشورة في شارع ماركت، حيث يمكن للسكان الحصول على مساعدة مجانية.", "ar"},
		{"হ্যারোবি কাউন্সিল আজ মার্কেট স্ট্রিটে একটি নতুন পরামর্শ কেন্দ্র খুলেছে।", "bn"},
		{"ਹੈਰੋਬੀ ਕੌਂਸਲ ਨੇ ਅੱਜ ਮਾਰਕੀਟ ਸਟ੍ਰੀਟ ਵਿਖੇ ਇੱਕ ਨਵਾਂ ਸਲਾਹ ਕੇਂਦਰ ਖੋਲ੍ਹਿਆ ਹੈ।", "pa"},
		{"Rada Miasta Harrowby otworzyła dziś nowe centrum porad, w którym mieszkańcy mogą uzyskać pomoc w sprawach mieszkaniowych i zasiłków. Porady są udzielane w języku polskim, a na miejscu można się umówić na wizytę.", "pl"},
		{english + "Councillor Nasreen Akhtar said: ”ہم جانتے ہیں“", ""},
		{english + "Rada Miasta: „Wiemy, że”", ""},
		{"کونسل", ""},
		// Shahmukhi Punjabi: by its words (دے, تے, نوں, توں, نیں, وچ)
		// where Urdu writes کے, اور, کو, سے, ہیں, میں, and by ݨ.
		{shahmukhi, "pa-Arab"},
		{"ساڈا اپݨا شہر، ساڈی اپݨی کونسل: ہیروبی کونسل نے مارکیٹ سٹریٹ اُتے نواں مرکز کھولیا۔ ہر رہائشی مدد لے سکدا۔ ہر زبان بولݨ والے آ سکدے۔", "pa-Arab"},
	} {
		got, why := guessLang(c.text)
		if got != c.want {
			t.Errorf("%.40q: guessed %q, want %q (%s)", c.text, got, c.want, why)
		}
		if got == "ur" && !strings.Contains(why, "Punjabi") {
			t.Errorf("%.40q: guessed Urdu without saying why not Punjabi: %s", c.text, why)
		}
	}
}

// Languages that share a date pattern's shape share one regexp and one
// table of month names, which holds only while no name (as the reader
// folds it) stands for two months in two languages.
func TestDateNamesAreOneMonthEach(t *testing.T) {
	owner := map[string]struct {
		lang  string
		month int
	}{}
	for _, r := range release.DateReadings() {
		for m, names := range r.Months {
			for _, n := range names {
				k := foldName(n)
				if o, ok := owner[k]; ok && o.month != m+1 {
					t.Errorf("%q is month %d in %s and month %d in %s", n, o.month, o.lang, m+1, r.Lang)
				}
				owner[k] = struct {
					lang  string
					month int
				}{r.Lang, m + 1}
			}
		}
	}
	for lang, ex := range readingExtras {
		for n, m := range ex.months {
			if o, ok := owner[foldName(n)]; ok && o.month != int(m) {
				t.Errorf("%s's %q is month %d, and month %d in %s", lang, n, m, o.month, o.lang)
			}
		}
	}
}

// Every date pressroom writes, in every language it has a table for and
// every style, import reads back: a statement rendered and archived as
// text imports to the date it had.
func TestParseDateReadsWhatPressroomWrites(t *testing.T) {
	for _, lang := range []string{"en-GB", "en-US", "cy", "ga", "gd", "fr", "de", "es", "it", "pl", "pt", "ro", "ur", "bn", "pa", "ar", "hi", "so", "zh"} {
		w := release.WordsFor(lang)
		for m := time.January; m <= time.December; m++ {
			d := statement.Date{Year: 2026, Month: m, Day: 10 + int(m)}
			for _, style := range []layout.DateStyle{"ordinal", "day-month", "month-day", "iso"} {
				written := w.FormatDate(d, style)
				got, ok := parseDate(written)
				if !ok {
					t.Errorf("%s: %q (%s) not read", lang, written, style)
					continue
				}
				if got.Date != (Date{d.Year, d.Month, d.Day}) {
					t.Errorf("%s: %q (%s) read as %s", lang, written, style, got.Date)
				}
			}
		}
	}
}
