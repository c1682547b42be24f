#pragma once
// Objective alignment: rank a programme's specific objectives by how well a proposal's texts
// fit them (docs/alignment.md). Transparent on purpose: BM25 over keyword profiles, every
// point of a score traced to the words that earned it.
//
//   text ──fold, split──▶ words ──drop stop words──▶ stems ──(compound parts)──▶ terms
//   profile of an objective = its title in every language + its keywords, analysed alike
//   score(objective) = Σ over the text's terms found in the profile of a BM25 contribution
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "interreg/programme.hpp"
#include "interreg/proposal.hpp"

namespace interreg {

// BM25 parameters (fixed: the ranking must not depend on hidden state).
inline constexpr double bm25_k1 = 1.2;   // term-frequency saturation in a profile
inline constexpr double bm25_b = 0.75;   // profile-length normalisation
inline constexpr double bm25_k3 = 1.2;   // saturation of a term repeated in the text
// Shortest stem a suffix may leave, and shortest known stem a compound may be split into.
inline constexpr std::size_t min_stem_length = 4;
inline constexpr std::size_t min_compound_part = 5;
// Longer "words" (run-together strings, base64, URLs) are not split as compounds.
inline constexpr std::size_t max_compound_length = 60;

// One term of the text that the profile of an objective shares.
struct MatchedTerm {
    std::string term;                // the stem, e.g. "arbetsmarknad"
    std::vector<std::string> words;  // the text's words that gave it, as written, first occurrence first
    double contribution = 0;         // its part of the score
};

struct ObjectiveScore {
    std::string code;                         // "RSO4.1"
    double score = 0;                         // ≥ 0; the sum of the contributions
    std::vector<MatchedTerm> matched_terms;   // largest contribution first
};

namespace alignment {

// A searchable term of a text and the word it comes from.
struct Token {
    std::string term;  // stem of the folded word
    std::string word;  // the word as written in the text
};

// The words of `text` as written, split wherever text::fold puts a space (spaces,
// punctuation, symbols), so "cross-border" is two words and "Öresund" one.
std::vector<std::string> words(std::string_view text);

// Whether a folded word is a function word of English, Swedish, Danish or Norwegian
// ("and", "och", "og", "för", ...) or too short or numeric to carry meaning.
bool is_stop_word(std::string_view folded);

// Whether a stem is one of the words every proposal to the programme uses ("project",
// "cross-border", "cooperation", "region", "develop", "sustainable", "green", ...).
bool is_generic_stem(std::string_view stem);

// Light stemming of a folded word: strip the longest known suffix of English, Swedish,
// Danish or Norwegian ("-ningar", "-erne", "-ene", "-ation", "-ing", "-er", "-s", ...) that
// leaves at least min_stem_length characters. One pass; words with digits stay as they are.
std::string stem(std::string_view folded);

// The searchable tokens of `text`: words, folded, minus stop words, stemmed, minus generic stems.
std::vector<Token> tokens(std::string_view text);

}  // namespace alignment

// The profiles of a set of objectives, ready to rank texts against. Immutable once built;
// safe to share between threads.
class ObjectiveIndex {
public:
    struct Profile {
        std::string code;
        std::vector<std::string> texts;  // titles and keywords, any language
    };

    explicit ObjectiveIndex(const std::vector<Profile>& profiles);
    // Each specific objective's title in every language plus its keywords.
    explicit ObjectiveIndex(const Programme& programme);

    // Every objective, best first; ties keep the order of the profiles.
    std::vector<ObjectiveScore> rank(std::string_view text) const;

    // The terms `text` contributes, each with the words it comes from (exact terms and the
    // known parts of unknown compound words), in order of first occurrence.
    std::vector<std::pair<std::string, std::vector<std::string>>> query_terms(std::string_view text) const;

    std::size_t size() const { return docs_.size(); }
    bool knows(std::string_view term) const { return vocabulary_.count(std::string(term)) > 0; }
    double idf(std::string_view term) const;

private:
    struct Doc {
        std::string code;
        std::unordered_map<std::string, int> tf;
        std::size_t length = 0;
    };
    std::vector<Doc> docs_;
    std::unordered_map<std::string, int> df_;  // term → number of profiles holding it
    std::unordered_set<std::string> vocabulary_;
    double average_length_ = 0;
};

// Rank the programme's specific objectives by fit with `text` (title, summary, objectives,
// work package titles... in English, Swedish, Danish or Norwegian): every objective, best
// first, ties in programme order.
std::vector<ObjectiveScore> rank_objectives(const Programme& programme, std::string_view text);

// The texts of a proposal that say what the project does, one per line: its title and summary
// in every language, and the work plan's overall objective, project objectives and the titles of
// work packages, activities and deliverables. Not partner names, the cooperation criteria or
// the horizontal principles: those describe the partnership, not the topic.
std::string alignment_text(const Proposal& proposal);

}  // namespace interreg
