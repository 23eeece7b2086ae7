package words

// Words are the phrases the program writes itself, in one language. A
// phrase with numbers or names is a format string (fmt) whose verbs are the
// same, in the same order, in every language. See For.
type Words struct {
	// The headers and words of tables and sentences: "Voce", "%", "Totale",
	// "Fonte", "Indicatore"; a change "in aumento", "in calo", "stabile"
	// ("rispetto al" year); "organizzazioni" counted; Multi is the note
	// of a breakdown with several answers a record.
	Item          string
	Share         string
	Total         string
	Source        string
	Indicator     string
	Up            string
	Down          string
	Stable        string
	Organisations string
	Compared      string
	Multi         string

	// NA marks a value that is not available: "n.d."; "n/a" in English,
	// where "n.d." reads as "no date".
	NA string
	// And joins the last two items of a list: " e ".
	And string
	// UpTo and Over label the first and the last class of a numeric
	// breakdown: "fino a 5", "oltre 20" (%s is the bound).
	UpTo, Over string
	// CityWide labels the row of the records of the whole city in a
	// breakdown by district.
	CityWide string
	// Rounded says why printed parts need not add up to the printed total.
	Rounded string
	// NPRest labels the one slice of a pie that stands for its withheld rows.
	NPRest string
	// NPChartTail ends the sentence in place of a chart whose every item is
	// withheld (after its caption).
	NPChartTail string
	// Each and Tied end a figure shared by several rows: " ciascuno",
	// " (a pari merito, %s ciascuno)".
	Each, Tied string
	// InternalStamp is on every page of a version for internal use;
	// InternalSuffix ends the name of its files.
	InternalStamp, InternalSuffix string
	// Months are the names of the months, January first.
	Months [12]string

	// The method's tables: the sources' money, the organisations, the units.
	MoneyTable, MoneyChart      string
	OrgTable, OrgNote, OrgChart string
	OrgHeader                   [5]string
	UnitTable, UnitHeader       string

	// Bases head the base of a share, by source ("records" for any other).
	Bases map[string]string
	// Dimensions head a breakdown table, by code list (or field).
	Dimensions map[string]string
	// Areas name the catalogue's areas, by the first parts of an id.
	Areas map[string]string
	// Goals are the words of the goals' sentences: statuses ("+" for the
	// plural), directions ("%" for a share) and outcomes, by their code.
	Goals map[string]string
	// RecordNouns are the nouns records are counted in (none, one,
	// several), by kind of record.
	RecordNouns map[string][3]string

	// IndicatorTable is the caption of the method's table of the catalogue.
	IndicatorTable string

	// OwnReplaces and OwnAdded follow the definition of a user's own
	// indicator.
	OwnReplaces, OwnAdded string

	// Uncoded follows the definition of an indicator n.d. because the
	// edition lacks a code it names: the year, the code, the field, the list.
	Uncoded string

	// SourceNames name the data files as a reader knows them, by source key
	// ("edition" for a file of no source), lower case: they are read
	// mid-sentence ("Fonte: monitoraggio …, 2019").
	SourceNames map[string]string

	// The privacy texts: NPNote is the note under a table with withheld
	// cells (n.p., their number, NPCell or NPCells); NPChart1 and NPChartN
	// count the items a chart leaves out; NPChartWhy says what n.p. means in
	// a trend chart's note; PrivacyInternal and PrivacyRule (the threshold
	// less one, n.p., then PrivacyWithheld1 or PrivacyWithheldN) are the
	// method's sentence.
	NPNote, NPCell, NPCells                                          string
	NPChart1, NPChartN, NPChartWhy                                   string
	PrivacyInternal, PrivacyRule, PrivacyWithheld1, PrivacyWithheldN string

	// The sample note of a report, of a comparison of sample editions,
	// of a comparison with one (its year).
	SampleReport, SampleComparison, SampleYear string

	// Where a figure is, among the districts: DistrictIn before the one
	// district of a district's report; the others with the count of
	// districts, the noun (DistrictOne or DistrictMany) and their number.
	DistrictIn, DistrictOne, DistrictMany        string
	DistrictsNone, DistrictsEvery, DistrictsSome string
	DistrictsNoneKnown, DistrictsAtLeast         string

	// The note of the chart of organisations taking part: TakingPart, the
	// record sets the edition has (TakingPartOne, joined with TakingPartOr),
	// then TakingPartLacks and those it lacks (TakingPartAll, joined with
	// TakingPartAnd); by record set.
	TakingPart, TakingPartLacks, TakingPartOr, TakingPartAnd string
	TakingPartOne, TakingPartAll                             map[string]string

	// OneIn and AboutOneIn say a share as "one in" a number in words.
	OneIn, AboutOneIn string
	// Numbers are the numbers from zero to ten in words: "nessuno", "uno",
	// "due"…
	Numbers [11]string

	// Quote quotes a name in running text: «…», “…”.
	Quote string

	// Chart are the charts' own texts, PDF the PDF report's.
	Chart Chart
	PDF   PDF
	Web   Web

	// The tables of the comparison, its deck, the method's coverage and
	// the workbooks.
	Compare  Compare
	Story    Story
	Deck     Deck
	Where    Where
	Coverage Coverage
	Xlsx     Xlsx
	GoalText GoalText
}

// For returns the words of lang: "en" English, anything else Italian. The
// table is shared: read it, never change it.
func For(lang string) *Words {
	if lang == "en" {
		return &en
	}
	return &it
}

// Chart are the texts a chart draws itself, and the deck's note when it
// groups a chart's smallest categories.
type Chart struct {
	NoData         string // in an empty plot area
	Others         string // the category that adds up the rest: "Altri (%s)"
	SmallestHidden string // a note: "Non sono mostrate le %s voci minori."
	OthersAddUp    string // a note: the Others label, how many it adds up
}

// Web are the web edition's own texts; it shares the PDF's for the rest.
type Web struct {
	Skip      string // the skip link to the content
	ChartData string // the summary over a chart's data table
	Value     string // the head of a chart's only column of values
	Share     string // the head of a pie's column of shares
	NA        string // read aloud for a chart's "–": the value is not shown
}

// PDF are the fixed texts of the PDF report.
type PDF struct {
	Contents    string // the title of the contents
	Page        string // the footer: "pagina %d di %d"
	Partnership string // before the partners on the cover
	Edition     string // the cover's "Edizione %d"
	Figure      string // a chart's caption: "Figura 3"
	Table       string // a table's caption
	Sample      string // the stamp of sample data
}

// Compare are the comparison report's fixed texts: its title, introduction,
// tables and trends.
type Compare struct {
	Title       string
	Trends      string
	Intro       string
	Notes       string
	TrendsIn    string
	Change      string
	ChangePct   string
	Note        string
	Mapped      string
	New         string
	Dropped     string
	Split       string
	Merged      string
	And         string
	Quote       string
	Zeros       string
	Zero1       string
	Redefined   string
	Omitted     string
	Indicators  string
	SparkValues string
	SparkShares string
	SparkNote   string
	SparkDash   string
}

// Story are the words of the first parts of the comparison: the main
// changes, what is new, what cannot be compared, the code lists changed, the
// changes by area.
type Story struct {
	Main          string
	MainIntro     string
	Up            string
	Down          string
	NoUp          string
	NoDown        string
	FromTo        string
	Appeared      string
	NewInd        string
	NewCodes      string
	NewCode1      string
	NewCodeN      string
	NewCodesCount string
	IndCount      string
	NoNew         string
	NotComp       string
	Missing       string
	NDBare        string
	Withheld      string
	Redefined     string
	NewRows       string
	AllComp       string
	Quote         string
	Lists         string
	ListsIntro    string
	List1         string
	ListN         string
	NoLists       string
	List          string
	CodeNew       string
	Recoded       string
	CodeDropped   string
	CodeRenamed   string
	CodeMerged    string
	CodesNew      string
	CodesDrop     string
	CodeSplit     string
	Affects       string
	AffectsNone   string
	ByArea        string
	ByAreaIntro   string
	AreaChart     string
	AreaNote      string
	Appendix      string
	AreaSame      string
}

// Deck are the words of the comparison deck that the report does not already
// have.
type Deck struct {
	Biggest     string
	BiggestNote string
	ListSome    string
	ListMany    string
	Quiet       string
	Thanks      string
	More        string
}

// Where are the words of the comparison's "where it changed" charts.
type Where struct {
	Where      string
	WhereIntro string
	Caption    string
	Rows       string
	Cut        string
	Left       string
	Mapped     string
}

// Coverage are the sentences of the method's coverage part. The n.d.
// headings begin with "n.d.", which agrees with one indicator and with many.
type Coverage struct {
	Read           string
	Missing        string
	InTotals       string
	Update         string
	Updates        string
	NDFile         string
	NDList         string
	NDCode         string
	NDFigure       string
	NDRecords      string
	NDZero         string
	NDDepends      string
	NDWithheld     string
	NDOther        string
	Identity       string
	IdentityNone   string
	IdentityItOnly string `words:"optional"` // "" in Italian: the statement is in Italian
	Complete       string
	Computed       string
}

// Xlsx are the headers and notes of the indicators' and the comparison's
// workbooks.
type Xlsx struct {
	Indicators string
	Comparison string
	Edition    string
	ID         string
	Title      string
	Unit       string
	Key        string
	Label      string
	Value      string
	Change     string
	ChangePct  string
	Note       string
	Missing    string
	Row        string
	ND         string
	NP         string
	NDChange   string
	NDPct      string
	NDNew      string
	NDGone     string
	NDDef      string
	TitleDoc   string
	TitleCmp   string
}

// GoalText are the goals' sentences: a goal set (Owner, Indicator,
// Target, Value), a goal followed up (SetIn, Status or LastStatus,
// Overdue, Indicator, then Unverifiable, NotPublished, NotAvailable, ValueIn
// or Against), the notes when there are none, and how the targets went.
// The counts and their agreement stay with the code that builds the
// sentences (package narrative, goals.go).
type GoalText struct {
	Owner          string
	Indicator      string
	Target         string
	Value          string
	SetIn          string
	Status         string
	LastStatus     string
	Overdue        string
	Unverifiable   string
	NotPublished   string
	NotAvailable   string
	ValueIn        string
	Against        string
	NoneSet        string
	NoNew          string
	NoEarlier      string
	NoneLeft       string
	Reached1       string
	Missed1        string
	Unverifiable1  string
	AllReached     string
	NoneReached    string
	NoneVerifiable string
	OneOfTwo       string
	OfThe          string
}
