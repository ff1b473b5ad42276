package shaping

// sentence is a line of a press release in a script that needs shaping,
// with the bundled font it is set in.
type sentence struct {
	name string // golden key
	font string // file in fonts/
	lang string // BCP 47, as hb-shape --language gets it
	rtl  bool
	text string
}

// sentences were written for these tests in the manner of the
// multilingual safeguarding messages UK public bodies publish (the NSPCC
// and NHS "worried about a child?" leaflets, Birmingham Children's Trust's
// and West Midlands Police's community-language appeals): a reason to get
// in touch, a campaign launch, a right, a reassurance. They are not quoted
// from any release, and no test depends on their wording being idiomatic:
// The Chinese one needs no shaping beyond the character map; it checks a
// font whose units per em are not 1000. They exercise joining, ligatures (the Allah ligature), harakat,
// Nastaliq's cascade, Indic reph, pre-base matras, conjuncts and nukta.
var sentences = []sentence{
	{"arabic-worried", "NotoNaskhArabic-Regular.ttf", "ar", true, "إذا كنت قلقاً بشأن سلامة طفل، اتصل بفريق حماية الطفل في المجلس على الرقم ٠١٢١ ٣٠٣ ١٨٨٨."},
	{"arabic-campaign", "NotoNaskhArabic-Regular.ttf", "ar", true, "أطلقت الشرطة اليوم حملة جديدة لحماية الأطفال والشباب من الاستغلال."},
	{"arabic-anonymous", "NotoNaskhArabic-Regular.ttf", "ar", true, "يُمكنك الإبلاغ عن مخاوفك دون ذكر اسمك، والحمد لله على سلامة الجميع."},
	{"arabic-bold", "NotoNaskhArabic-Bold.ttf", "ar", true, "بيان صحفي: حماية الأطفال مسؤولية الجميع"},
	{"urdu-worried", "NotoNastaliqUrdu-Regular.ttf", "ur", true, "اگر آپ کو کسی بچے کی حفاظت کے بارے میں تشویش ہے تو فوراً ہم سے رابطہ کریں۔"},
	{"urdu-campaign", "NotoNastaliqUrdu-Regular.ttf", "ur", true, "پولیس نے آج بچوں کو استحصال سے بچانے کے لیے ایک نئی مہم شروع کی ہے۔"},
	{"urdu-right", "NotoNastaliqUrdu-Regular.ttf", "ur", true, "ہر بچے کو محفوظ رہنے اور تعلیم حاصل کرنے کا حق ہے۔"},
	{"urdu-confidential", "NotoNastaliqUrdu-Regular.ttf", "ur", true, "آپ کی دی گئی معلومات راز میں رکھی جائیں گی۔"},
	{"urdu-bold", "NotoNastaliqUrdu-Bold.ttf", "ur", true, "پریس ریلیز: بچوں کی حفاظت ہم سب کی ذمہ داری ہے"},
	{"bengali-worried", "NotoSansBengali-Regular.ttf", "bn", false, "কোনো শিশুর নিরাপত্তা নিয়ে আপনি চিন্তিত হলে অবিলম্বে আমাদের সাথে যোগাযোগ করুন।"},
	{"bengali-campaign", "NotoSansBengali-Regular.ttf", "bn", false, "পুলিশ আজ শিশু ও তরুণদের শোষণ থেকে রক্ষা করার জন্য একটি নতুন প্রচারণা শুরু করেছে।"},
	{"bengali-right", "NotoSansBengali-Regular.ttf", "bn", false, "প্রত্যেক শিশুর নিরাপদে থাকার এবং শিক্ষা পাওয়ার অধিকার আছে।"},
	{"bengali-bold", "NotoSansBengali-Bold.ttf", "bn", false, "সংবাদ বিজ্ঞপ্তি: শিশুদের সুরক্ষা আমাদের সকলের দায়িত্ব"},
	{"gurmukhi-worried", "NotoSansGurmukhi-Regular.ttf", "pa", false, "ਜੇ ਤੁਹਾਨੂੰ ਕਿਸੇ ਬੱਚੇ ਦੀ ਸੁਰੱਖਿਆ ਬਾਰੇ ਚਿੰਤਾ ਹੈ ਤਾਂ ਤੁਰੰਤ ਸਾਡੇ ਨਾਲ ਸੰਪਰਕ ਕਰੋ।"},
	{"gurmukhi-campaign", "NotoSansGurmukhi-Regular.ttf", "pa", false, "ਪੁਲਿਸ ਨੇ ਅੱਜ ਬੱਚਿਆਂ ਦੀ ਸੁਰੱਖਿਆ ਲਈ ਇੱਕ ਨਵੀਂ ਮੁਹਿੰਮ ਸ਼ੁਰੂ ਕੀਤੀ ਹੈ।"},
	{"gurmukhi-right", "NotoSansGurmukhi-Regular.ttf", "pa", false, "ਹਰ ਬੱਚੇ ਨੂੰ ਸੁਰੱਖਿਅਤ ਰਹਿਣ ਅਤੇ ਸਿੱਖਿਆ ਪ੍ਰਾਪਤ ਕਰਨ ਦਾ ਹੱਕ ਹੈ।"},
	{"gurmukhi-bold", "NotoSansGurmukhi-Bold.ttf", "pa", false, "ਪ੍ਰੈਸ ਬਿਆਨ: ਬੱਚਿਆਂ ਦੀ ਸੁਰੱਖਿਆ ਸਾਡੀ ਸਾਰਿਆਂ ਦੀ ਜ਼ਿੰਮੇਵਾਰੀ ਹੈ"},
	{"devanagari-worried", "NotoSansDevanagari-Regular.ttf", "hi", false, "यदि आप किसी बच्चे की सुरक्षा को लेकर चिंतित हैं, तो तुरंत हमसे संपर्क करें।"},
	{"devanagari-campaign", "NotoSansDevanagari-Regular.ttf", "hi", false, "पुलिस ने आज बच्चों और युवाओं को शोषण से बचाने के लिए एक नया अभियान शुरू किया है।"},
	{"devanagari-right", "NotoSansDevanagari-Regular.ttf", "hi", false, "हर बच्चे को सुरक्षित रहने और शिक्षा प्राप्त करने का अधिकार है; कार्यक्रम की ज़्यादा जानकारी वेबसाइट पर है।"},
	{"chinese-worried", "DroidSansFallbackFull.ttf", "zh", false, "如果您担心儿童的安全，请立即与我们联系。"},
	{"devanagari-bold", "NotoSansDevanagari-Bold.ttf", "hi", false, "प्रेस विज्ञप्ति: बच्चों की सुरक्षा हम सबकी ज़िम्मेदारी है"},
}
