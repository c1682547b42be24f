#include "interreg/alignment.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_set>

#include "interreg/text.hpp"

namespace interreg {
namespace alignment {
namespace {

using WordSet = std::unordered_set<std::string_view>;

// Function words, folded (å/ä→a, ö/ø→o, æ→ae). One set for all four languages: a text may
// mix them, and a word that is a function word in one of them ("for", "at", "er", "var")
// carries no topic in the others either.
const WordSet& stop_words() {
    static const WordSet words = {
        // English
        "a", "about", "above", "across", "after", "against", "all", "also", "among", "an", "and", "any", "are",
        "as", "at", "be", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
        "did", "do", "does", "during", "each", "eg", "etc", "few", "for", "from", "had", "has", "have", "he",
        "her", "here", "his", "how", "ie", "if", "in", "including", "into", "is", "it", "its", "may", "might",
        "more", "most", "must", "no", "not", "of", "off", "on", "one", "only", "onto", "or", "other", "our",
        "out", "over", "own", "per", "same", "shall", "she", "should", "so", "some", "such", "than", "that",
        "the", "their", "them", "then", "there", "these", "they", "this", "those", "three", "through", "to",
        "too", "two", "under", "up", "us", "very", "via", "was", "we", "well", "were", "what", "when", "where",
        "whereas", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without",
        "would", "you", "your", "good",
        // Swedish
        "alla", "andra", "annan", "annat", "att", "av", "bade", "bland", "bli", "blir", "blev", "dar", "de",
        "dem", "den", "denna", "dess", "dessa", "det", "detta", "deras", "efter", "egen", "egna", "eller",
        "en", "enligt", "er", "ett", "fran", "genom", "ha", "hade", "har", "hos", "hur", "inom", "inte",
        "ej", "kan", "kommer", "kunna", "man", "med", "mellan", "men", "mer", "mera", "mest", "mot", "nar",
        "och", "ocksa", "om", "oss", "pa", "samt", "sedan", "sig", "sin", "sina", "sitt", "ska", "skall",
        "som", "till", "ut", "utan", "upp", "var", "vara", "vart", "vi", "vid", "vill", "aven", "ar", "god",
        "goda", "gott",
        // Danish
        "af", "anden", "andet", "blandt", "blive", "bliver", "dens", "denne", "dette", "disse", "egne",
        "fra", "gennem", "have", "havde", "hvis", "hvor", "hvordan", "ifolge", "ikke", "ind", "inden",
        "indenfor", "kunne", "mellem", "mere", "og", "op", "sa", "sammen", "sig", "sine", "sit", "skal",
        "til", "ud", "uden", "ved", "vil", "vores", "jeres", "vaere", "gode",
        // Norwegian
        "blant", "ble", "etter", "gjennom", "hadde", "innen", "innenfor", "inn", "mellom", "opp", "seg",
        "uten", "vare", "ogsa", "annen", "annet",
    };
    return words;
}

// Words every proposal to a cross-border programme uses, whatever its objective. They are
// dropped from texts and profiles alike (compared as stems, so every inflection goes).
const std::vector<std::string_view>& generic_words() {
    static const std::vector<std::string_view> words = {
        // English
        "project", "projects", "cross", "border", "borders", "crossborder", "region", "regions", "regional",
        "partner", "partners", "partnership", "cooperation", "collaboration", "cooperate", "interreg", "eu",
        "european", "oresund", "kattegat", "skagerrak", "skagerak", "scandinavia", "scandinavian", "nordic",
        "sweden", "swedish", "denmark", "danish", "norway", "norwegian", "develop", "developing",
        "development", "developed", "enhance", "enhancing", "strengthen", "strengthening", "promote",
        "promoting", "improve", "improved", "improving", "increase", "increasing", "support", "supporting",
        "green", "sustainable", "sustainability", "new", "solution", "solutions", "area", "areas", "actor",
        "actors", "stakeholder", "stakeholders", "organisation", "organisations", "organization",
        "organizations", "joint", "jointly", "together", "common", "shared", "knowledge", "network",
        "networks", "activity", "activities", "communication", "dissemination", "coordination", "result", "results", "national", "local", "transition", "transitions", "focus", "work",
        "works", "working", "effective", "effectiveness", "efficient", "efficiency", "directive", "accordance",
        "criteria", "taking", "account", "approach", "approaches", "based", "use", "using", "make", "making",
        "aim", "aims", "management", "test", "tests", "testing", "tested",
        // Swedish
        "projekt", "projektet", "gransoverskridande", "grans", "granser", "gransregional", "gransregionala",
        "gransregionalt", "regionen", "regioner", "regionala", "regionalt", "partnerskap", "samarbete",
        "samarbeta", "samverkan", "skandinavien", "skandinavisk", "norden", "nordisk", "nordiska", "sverige",
        "svensk", "svenska", "danmark", "dansk", "danska", "norge", "norsk", "norska", "utveckla",
        "utveckling", "utvecklingen", "starka", "framja", "forbattra", "oka", "stodja", "stod", "gron",
        "grona", "gront", "hallbar", "hallbara", "hallbart", "hallbarhet", "ny", "nya", "nytt", "losning",
        "losningar", "omrade", "omraden", "aktor", "aktorer", "organisation", "organisationer", "gemensam",
        "gemensamma", "gemensamt", "tillsammans", "kunskap", "kunskaper", "natverk", "kommunikation",
        "spridning", "samordning", "arbetspaket", "resultat", "insats", "insatser", "lokal", "lokala",
        "nationell", "nationella", "omstallning", "fokus", "arbete", "arbeta", "arbetet", "effektiv",
        "effektiva", "effektivare", "effektivt", "effektivitet", "testa", "testar", "testas",
        // Danish
        "projekter", "grænseoverskridende", "graenseoverskridende", "graense", "graenser", "graenseregional",
        "graenseregionale", "regionale", "partnere", "partnerskab", "samarbejde", "samarbejder",
        "skandinavisk", "nordiske", "svenske", "danske", "norske", "udvikle", "udvikling", "udviklingen",
        "styrke", "fremme", "forbedre", "oge", "stotte", "gron", "gronne", "bæredygtig", "baeredygtig",
        "baeredygtige", "baeredygtighed", "nye", "nyt", "losninger", "omrader", "aktorer", "organisationer",
        "faelles", "viden", "netvaerk", "formidling", "koordinering", "arbejdspakke", "arbejdspakker",
        "resultater", "indsats", "indsatser", "lokale", "nationale", "omstilling", "arbejde", "arbejder",
        "arbejdet", "effektive", "teste", "tester", "testet",
        // Norwegian
        "prosjekt", "prosjektet", "prosjekter", "grenseoverskridende", "grense", "grenser", "grenseregional",
        "grenseregionale", "samarbeid", "samarbeide", "skandinavia", "utvikle", "utvikling", "utviklingen",
        "oke", "gronn", "baerekraftig", "baerekraftige", "baerekraft", "organisasjon", "organisasjoner",
        "felles", "kunnskap", "nettverk", "kommunikasjon", "arbeidspakke", "arbeidspakker", "innsats",
        "nasjonal", "nasjonale", "arbeid", "arbeide", "arbeidet", "vekt",
    };
    return words;
}

// Suffixes, longest first; the first that leaves min_stem_length characters is stripped.
const std::vector<std::string_view>& suffixes() {
    static const std::vector<std::string_view> list = [] {
        std::vector<std::string_view> s = {
            // -tion / -sjon families (en, sv, da: -tion(er); no: -sjon(er))
            "ationerne", "ationerna", "ationene", "ationer", "ationen", "ations", "ation",
            "asjonene", "asjoner", "asjonen", "asjon",
            "tionerne", "tionerna", "tioner", "tionen", "tions", "tion",
            "sjonene", "sjoner", "sjonen", "sjon",
            // -ing (en -ing(s); sv -ing(ar/en/arna); da -ing(er/en/erne); no -ing(er/en/ene))
            "ingarnas", "ingarna", "ingerne", "ingene", "ingars", "ingens", "ingar", "ingen", "inger", "ings",
            "ing",
            // verbs in -ere/-era (da, no, sv) with their nouns in -ering and participles in -eret/-ert/-erad:
            // "opkvalificere", "opkvalificering", "digitaliseret", "resirkulert", "digitalisera"
            "eringarna", "eringerne", "eringene", "eringar", "eringer", "eringen", "ering", "erade", "erad",
            "erat", "eret", "ert", "era",
            // -het/-hed (sv, no -het(en/er/ene/erna); da -hed(en/er/erne))
            "heternas", "heterna", "hetene", "hederne", "heter", "heten", "heder", "heden", "het", "hed",
            // -else (da, no)
            "elserne", "elsene", "elsen", "elser", "else",
            // English -ity/-ies/-ed/-es
            "ities", "ity", "ies", "ed", "es",
            // Scandinavian plurals, definite forms, participles, agent nouns
            "arnas", "ernas", "ornas", "arna", "erna", "orna", "erne", "ande", "ende", "aren", "are", "ere",
            "ene", "ens", "ets", "ers", "ors", "ar", "er", "or", "en", "et",
            // single letters: English plural and -y, Scandinavian -a/-e
            "s", "a", "e", "y",
        };
        std::stable_sort(s.begin(), s.end(), [](std::string_view x, std::string_view y) { return x.size() > y.size(); });
        return s;
    }();
    return list;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool all_digits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

const std::unordered_set<std::string>& generic_stems() {
    static const std::unordered_set<std::string> stems = [] {
        std::unordered_set<std::string> out;
        for (auto w : generic_words()) {
            for (const auto& part : words(w)) out.insert(stem(text::fold(part)));
        }
        return out;
    }();
    return stems;
}

// Byte length of the UTF-8 sequence starting with `lead` (1 for stray or invalid bytes).
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0 && lead <= 0xF7) return 4;
    if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
    if (lead >= 0xC0) return 2;
    return 1;
}

std::uint32_t code_point(std::string_view s) {
    const auto b0 = static_cast<unsigned char>(s[0]);
    std::uint32_t cp = s.size() == 1 ? b0 : b0 & (0x3F >> (s.size() - 1));
    for (std::size_t k = 1; k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[k]) & 0x3F);
    return cp;
}

// Punctuation and symbols beyond Latin-1, which fold() keeps: dashes, curly quotes, bullets,
// arrows, mathematical and technical symbols, CJK punctuation, full-width forms, emoji.
bool is_symbol(std::uint32_t cp) {
    return (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFE10 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
           (cp >= 0xFF1A && cp <= 0xFF20) || cp >= 0x1F000;
}

// Combining diacritical marks U+0300..U+036F (decomposed "ö" is "o" + U+0308): dropped after
// folding, so decomposed text matches composed text.
std::string drop_combining_marks(std::string s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        const auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
        if ((b == 0xCC && next >= 0x80 && next <= 0xBF) || (b == 0xCD && next >= 0x80 && next <= 0xAF)) {
            ++i;
            continue;
        }
        out += s[i];
    }
    return out;
}

}  // namespace

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t n = sequence_length(lead);
        if (i + n > text.size()) n = 1;
        bool word_char;
        if (lead < 0x80) {
            const char c = text[i];
            word_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        } else {
            // Latin-1 punctuation folds to nothing; later punctuation and symbols are listed.
            word_char = !text::fold(text.substr(i, n)).empty() && !is_symbol(code_point(text.substr(i, n)));
        }
        if (word_char) {
            current.append(text.substr(i, n));
        } else if (!current.empty()) {
            out.push_back(std::move(current));
            current.clear();
        }
        i += n;
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

bool is_stop_word(std::string_view folded) {
    return folded.size() < 2 || all_digits(folded) || stop_words().count(folded) > 0;
}

bool is_generic_stem(std::string_view stem) { return generic_stems().count(std::string(stem)) > 0; }

std::string stem(std::string_view folded) {
    if (folded.size() <= min_stem_length || has_digit(folded)) return std::string(folded);
    for (auto suffix : suffixes()) {
        // The last letter first: it rules out almost every suffix without a string comparison.
        if (suffix.back() != folded.back() || folded.size() < suffix.size() + min_stem_length ||
            !ends_with(folded, suffix)) {
            continue;
        }
        if (suffix == "s" && (ends_with(folded, "ss") || ends_with(folded, "us") || ends_with(folded, "is"))) continue;
        return std::string(folded.substr(0, folded.size() - suffix.size()));
    }
    return std::string(folded);
}

std::vector<Token> tokens(std::string_view text) {
    std::vector<Token> out;
    for (auto& word : words(text)) {
        const std::string folded = drop_combining_marks(text::fold(word));
        if (is_stop_word(folded)) continue;
        std::string term = stem(folded);
        if (is_generic_stem(term)) continue;
        out.push_back({std::move(term), std::move(word)});
    }
    return out;
}

}  // namespace alignment

namespace {

struct QueryTerm {
    std::string term;
    std::vector<std::string> words;         // as written, one per folded spelling
    std::unordered_set<std::string> folded;  // the folded spellings seen
    int count = 0;
};

}  // namespace

ObjectiveIndex::ObjectiveIndex(const std::vector<Profile>& profiles) {
    std::size_t total = 0;
    for (const auto& p : profiles) {
        Doc doc;
        doc.code = p.code;
        for (const auto& t : p.texts) {
            for (const auto& token : alignment::tokens(t)) {
                ++doc.tf[token.term];
                ++doc.length;
            }
        }
        for (const auto& entry : doc.tf) {
            ++df_[entry.first];
            vocabulary_.insert(entry.first);
        }
        total += doc.length;
        docs_.push_back(std::move(doc));
    }
    average_length_ = docs_.empty() ? 0 : static_cast<double>(total) / static_cast<double>(docs_.size());
}

namespace {
std::vector<ObjectiveIndex::Profile> profiles_of(const Programme& programme) {
    std::vector<ObjectiveIndex::Profile> out;
    for (const auto& o : programme.specific_objectives()) {
        ObjectiveIndex::Profile p{o.code, {}};
        for (const auto& entry : o.title) p.texts.push_back(entry.second);
        for (const auto& entry : o.keywords) p.texts.insert(p.texts.end(), entry.second.begin(), entry.second.end());
        out.push_back(std::move(p));
    }
    return out;
}
}  // namespace

ObjectiveIndex::ObjectiveIndex(const Programme& programme) : ObjectiveIndex(profiles_of(programme)) {}

double ObjectiveIndex::idf(std::string_view term) const {
    // The BM25 idf in its non-negative form: ln(1 + (N − n + 0.5) / (n + 0.5)).
    auto it = df_.find(std::string(term));
    const double n = it == df_.end() ? 0.0 : it->second;
    const double N = static_cast<double>(docs_.size());
    return std::log(1.0 + (N - n + 0.5) / (n + 0.5));
}

namespace {

// The text's terms that the profiles know: a token's own stem when known; otherwise, for a
// compound the profiles do not know as a whole ("havsvindkraft", "arbetsmarknadsfrågor"),
// its longest known head and its longest known tail of min_compound_part characters or more.
std::vector<QueryTerm> analyse(std::string_view text, const std::unordered_set<std::string>& vocabulary) {
    std::vector<QueryTerm> out;
    std::unordered_map<std::string, std::size_t> position;
    auto add = [&](const std::string& term, const std::string& word) {
        auto [it, inserted] = position.emplace(term, out.size());
        if (inserted) out.push_back({term, {}, {}, 0});
        QueryTerm& q = out[it->second];
        ++q.count;
        if (q.folded.insert(text::fold(word)).second) q.words.push_back(word);
    };
    for (const auto& token : alignment::tokens(text)) {
        const std::string& t = token.term;
        if (vocabulary.count(t)) {
            add(t, token.word);
            continue;
        }
        if (t.size() <= min_compound_part || t.size() > max_compound_length) continue;
        std::string head, tail;
        for (std::size_t len = t.size() - 1; len >= min_compound_part && head.empty(); --len) {
            if (vocabulary.count(t.substr(0, len))) head = t.substr(0, len);
        }
        for (std::size_t len = t.size() - 1; len >= min_compound_part && tail.empty(); --len) {
            if (vocabulary.count(t.substr(t.size() - len))) tail = t.substr(t.size() - len);
        }
        if (!head.empty()) add(head, token.word);
        if (!tail.empty() && tail != head) add(tail, token.word);
    }
    return out;
}

}  // namespace

std::vector<std::pair<std::string, std::vector<std::string>>> ObjectiveIndex::query_terms(std::string_view text) const {
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    for (auto& q : analyse(text, vocabulary_)) out.emplace_back(std::move(q.term), std::move(q.words));
    return out;
}

std::vector<ObjectiveScore> ObjectiveIndex::rank(std::string_view text) const {
    const std::vector<QueryTerm> query = analyse(text, vocabulary_);
    std::vector<ObjectiveScore> out;
    out.reserve(docs_.size());
    for (const auto& doc : docs_) {
        ObjectiveScore s;
        s.code = doc.code;
        const double norm = average_length_ > 0
                                ? bm25_k1 * (1.0 - bm25_b + bm25_b * static_cast<double>(doc.length) / average_length_)
                                : bm25_k1;
        for (const auto& q : query) {
            auto it = doc.tf.find(q.term);
            if (it == doc.tf.end()) continue;
            const double tf = it->second;
            const double qtf = q.count;
            const double c = idf(q.term) * (tf * (bm25_k1 + 1.0)) / (tf + norm) * (qtf * (bm25_k3 + 1.0)) / (qtf + bm25_k3);
            s.matched_terms.push_back({q.term, q.words, c});
            s.score += c;
        }
        std::stable_sort(s.matched_terms.begin(), s.matched_terms.end(),
                         [](const MatchedTerm& a, const MatchedTerm& b) { return a.contribution > b.contribution; });
        out.push_back(std::move(s));
    }
    std::stable_sort(out.begin(), out.end(), [](const ObjectiveScore& a, const ObjectiveScore& b) { return a.score > b.score; });
    return out;
}

std::vector<ObjectiveScore> rank_objectives(const Programme& programme, std::string_view text) {
    return programme.objective_index().rank(text);
}

std::string alignment_text(const Proposal& proposal) {
    std::string out;
    auto add = [&](const std::string& text) {
        if (text.empty()) return;
        out += text;
        out += '\n';
    };
    for (const auto& [lang, text] : proposal.title) add(text);
    for (const auto& [lang, text] : proposal.summary) add(text);
    // The sections that say what the project is about (not how it is run or made known).
    for (const char* section : {"relevance", "target_groups", "cross_border_value"}) {
        auto it = proposal.narrative.find(section);
        if (it == proposal.narrative.end()) continue;
        for (const auto& [lang, text] : it->second) add(text);
    }
    const WorkPlan& w = proposal.work_plan;
    add(w.overall_objective);
    for (const auto& o : w.objectives) add(o.text);
    for (const auto& wp : w.work_packages) {
        add(wp.title);
        for (const auto& a : wp.activities) {
            add(a.title);
            for (const auto& d : a.deliverables) add(d.title);
        }
    }
    return out;
}

}  // namespace interreg
