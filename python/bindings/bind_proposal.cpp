// Proposals: a document read from a file or dict (Document), and a proposal being drafted for
// a programme (Proposal, the core's Draft): every read and edit takes the draft's lock, and
// every edit is one of the core's checked operations (edit.hpp).
#include "bindings.hpp"

#include <pybind11/stl.h>

#include "interreg/edit.hpp"
#include "interreg/errors.hpp"
#include "interreg/files.hpp"
#include "interreg/proposal_json.hpp"
#include "interreg/state_aid.hpp"
#include "interreg/text.hpp"

namespace interreg::bindings {
namespace {

std::optional<std::string> date_text(const std::optional<Date>& d) {
    return d ? std::optional<std::string>(d->to_string()) : std::nullopt;
}

std::optional<Date> date_arg(py::handle value, const char* field) {
    const auto text = optional_text_arg(value, field);
    if (!text) return std::nullopt;
    return parse_date(field, *text);
}

TextMap texts_arg(py::handle value, const char* field) {
    if (!py::isinstance<py::dict>(value)) {
        throw py::type_error(std::string(field) + " must be a str or a dict of language code → str, not " +
                             Py_TYPE(value.ptr())->tp_name);
    }
    TextMap out;
    for (auto item : value.cast<py::dict>()) out[text_arg(item.first, field)] = text_arg(item.second, field);
    return out;
}

// A partner's own fields, copied under the lock (its budget has calls of its own), with whether
// it carries out an economic activity as given or by default (state_aid.hpp).
struct PartnerCopy {
    std::string id, name, country;
    std::optional<std::string> region, org_type;
    std::optional<LegalStatus> legal_status;
    Role role;
    bool owner;
    std::optional<std::string> organisation_number, address, contact_person;
    std::optional<bool> economic_activity;
    std::optional<StateAid> state_aid;
};

PartnerCopy copy_fields(const Programme& programme, const Partner& p) {
    return {p.id,
            p.name,
            p.country,
            p.region,
            p.org_type,
            p.legal_status,
            p.role,
            p.norwegian_project_owner,
            p.organisation_number,
            p.address,
            p.contact_person,
            economic_activity(programme, p),
            p.state_aid};
}

py::object optional_str(const std::optional<std::string>& s) { return s ? py::object(py::str(*s)) : py::none(); }

py::object state_aid_fields(const std::optional<StateAid>& aid) {
    if (!aid) return py::none();
    py::dict d;
    d["scheme"] = std::string(to_string(aid->scheme));
    d["previous_de_minimis"] =
        aid->previous_de_minimis ? py::object(py::str(aid->previous_de_minimis->to_string())) : py::none();
    return std::move(d);
}

// The fields as Python reads them.
py::dict fields_of(const PartnerCopy& c) {
    py::dict d;
    d["id"] = c.id;
    d["name"] = c.name;
    d["country"] = c.country;
    d["region"] = optional_str(c.region);
    d["org_type"] = optional_str(c.org_type);
    d["legal_status"] = c.legal_status ? py::object(py::str(std::string(to_string(*c.legal_status)))) : py::none();
    d["role"] = std::string(to_string(c.role));
    d["norwegian_project_owner"] = c.owner;
    d["organisation_number"] = optional_str(c.organisation_number);
    d["address"] = optional_str(c.address);
    d["contact_person"] = optional_str(c.contact_person);
    d["economic_activity"] = c.economic_activity ? py::object(py::bool_(*c.economic_activity)) : py::none();
    d["state_aid"] = state_aid_fields(c.state_aid);
    return d;
}

bool bool_arg(py::handle value, const char* field) {
    if (!PyBool_Check(value.ptr())) throw py::type_error(std::string(field) + " must be a bool, not " + Py_TYPE(value.ptr())->tp_name);
    return value.cast<bool>();
}

std::optional<bool> optional_bool_arg(py::handle value, const char* field) {
    if (value.is_none()) return std::nullopt;
    if (!PyBool_Check(value.ptr())) {
        throw py::type_error(std::string(field) + " must be a bool or None, not " + Py_TYPE(value.ptr())->tp_name);
    }
    return value.cast<bool>();
}

using Setter = void (*)(Draft&, std::string_view, py::handle);

// How each settable partner field is converted and stored.
const std::map<std::string, Setter>& partner_setters() {
    static const std::map<std::string, Setter> setters = {
        {"name", [](Draft& d, std::string_view id, py::handle v) {
             auto name = text_arg(v, "name");
             editing(d, [&](Proposal& p) { set_partner_name(p, id, std::move(name)); });
         }},
        {"country", [](Draft& d, std::string_view id, py::handle v) {
             auto country = country_named(d.programme(), text_arg(v, "country"));
             editing(d, [&](Proposal& p) { set_partner_country(p, id, std::move(country)); });
         }},
        {"region", [](Draft& d, std::string_view id, py::handle v) {
             auto region = optional_text_arg(v, "region");  // kept as given: the rules match regions
             editing(d, [&](Proposal& p) { set_partner_region(p, id, std::move(region)); });
         }},
        {"org_type", [](Draft& d, std::string_view id, py::handle v) {
             auto type = optional_text_arg(v, "org_type");
             if (type) type = org_type_named(d.programme(), std::move(*type));
             editing(d, [&](Proposal& p) { set_partner_org_type(p, id, std::move(type)); });
         }},
        {"legal_status", [](Draft& d, std::string_view id, py::handle v) {
             const auto text = optional_text_arg(v, "legal_status");
             std::optional<LegalStatus> status;
             if (text) status = legal_status_named(d.programme(), *text);
             editing(d, [&](Proposal& p) { set_partner_legal_status(p, id, status); });
         }},
        {"role", [](Draft& d, std::string_view id, py::handle v) {
             const Role role = role_named(d.programme(), text_arg(v, "role"));
             editing(d, [&](Proposal& p) { set_partner_role(p, id, role); });
         }},
        {"norwegian_project_owner", [](Draft& d, std::string_view id, py::handle v) {
             const bool owner = bool_arg(v, "norwegian_project_owner");
             editing(d, [&](Proposal& p) { set_norwegian_project_owner(p, id, owner); });
         }},
        {"organisation_number", [](Draft& d, std::string_view id, py::handle v) {
             auto number = optional_text_arg(v, "organisation_number");  // kept as given: validation checks it
             editing(d, [&](Proposal& p) { set_partner_organisation_number(p, id, std::move(number)); });
         }},
        {"address", [](Draft& d, std::string_view id, py::handle v) {
             auto address = optional_text_arg(v, "address");
             editing(d, [&](Proposal& p) { set_partner_address(p, id, std::move(address)); });
         }},
        {"contact_person", [](Draft& d, std::string_view id, py::handle v) {
             auto contact = optional_text_arg(v, "contact_person");
             editing(d, [&](Proposal& p) { set_partner_contact_person(p, id, std::move(contact)); });
         }},
        {"economic_activity", [](Draft& d, std::string_view id, py::handle v) {
             const auto value = optional_bool_arg(v, "economic_activity");
             editing(d, [&](Proposal& p) { set_partner_economic_activity(p, id, value); });
         }},
    };
    return setters;
}

std::shared_ptr<Draft> make_draft(const std::shared_ptr<Programme>& programme, Proposal proposal) {
    return std::make_shared<Draft>(programme, std::move(proposal));
}

}  // namespace

void register_proposal(py::module_& m) {
    m.attr("max_duration_months") = max_duration_months;
    m.attr("max_partners") = max_partners;
    m.attr("narrative_sections") = narrative_sections();

    py::class_<Proposal>(m, "Document", "A proposal document as read, before it is drafted for its programme.")
        .def_readonly("programme", &Proposal::programme, "The id of the programme the document names.")
        .def_static("read", [](py::handle path) {
            const std::string name = path_arg(path);
            py::gil_scoped_release release;
            return load_proposal(name);
        }, py::arg("path"), "Read a proposal document (FormatError with the JSON path; FileError).")
        .def_static("parse", [](py::handle text) {
            if (PyBytes_Check(text.ptr())) {  // read in place: bytes are immutable and the caller holds them
                const std::string_view data(PyBytes_AS_STRING(text.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(text.ptr())));
                py::gil_scoped_release release;
                return parse_proposal(data);
            }
            const std::string data = text_arg(text, "text");
            py::gil_scoped_release release;
            return parse_proposal(data);
        }, py::arg("text"), "Parse JSON text (str or bytes).")
        .def_static("from_dict", [](py::handle doc) { return proposal_from_json(from_python(doc)); }, py::arg("document"));

    py::class_<Draft, std::shared_ptr<Draft>>(m, "Proposal", "A proposal being drafted for a programme; thread-safe.")
        .def(py::init([](const std::shared_ptr<Programme>& programme) {
                 Proposal p;
                 set_programme_id(p, programme->id());
                 // A new proposal is of the programme's first project kind until it says otherwise.
                 if (!programme->project_kinds().empty()) set_kind(p, programme->project_kinds().front().id);
                 return make_draft(programme, std::move(p));
             }),
             py::arg("programme"))
        .def(py::init([](const std::shared_ptr<Programme>& programme, Proposal& document) {
                 return make_draft(programme, std::move(document));  // the Document is left empty
             }),
             py::arg("programme"), py::arg("document"))
        .def_property_readonly("programme", [](const Draft& d) { return reading(d, [](const Proposal& p) { return p.programme; }); })
        .def_property_readonly("revision", &Draft::revision, "How many edits were made (equal: unchanged in between).")
        // ---- metadata
        .def_property("acronym", [](const Draft& d) { return reading(d, [](const Proposal& p) { return p.acronym; }); },
                      [](Draft& d, py::handle v) {
                          auto text = text_arg(v, "acronym");
                          editing(d, [&](Proposal& p) { set_acronym(p, std::move(text)); });
                      })
        .def_property("call", [](const Draft& d) { return reading(d, [](const Proposal& p) { return p.call; }); },
                      [](Draft& d, py::handle v) {
                          auto call = optional_text_arg(v, "call");
                          editing(d, [&](Proposal& p) { set_call(p, std::move(call)); });
                      })
        .def_property("kind", [](const Draft& d) { return reading(d, [](const Proposal& p) { return p.kind; }); },
                      [](Draft& d, py::handle v) {
                          auto kind = kind_named(d.programme(), text_arg(v, "kind"));
                          editing(d, [&](Proposal& p) { set_kind(p, std::move(kind)); });
                      })
        .def_property("geography", [](const Draft& d) { return reading(d, [](const Proposal& p) { return p.geography; }); },
                      [](Draft& d, py::handle v) {
                          auto geography = geography_named(d.programme(), text_arg(v, "geography"));
                          editing(d, [&](Proposal& p) { set_geography(p, std::move(geography)); });
                      })
        .def_property("specific_objective",
                      [](const Draft& d) { return reading(d, [](const Proposal& p) { return p.specific_objective; }); },
                      [](Draft& d, py::handle v) {
                          auto code = text_arg(v, "specific_objective");
                          editing(d, [&](Proposal& p) { set_specific_objective(p, std::move(code)); });
                      })
        .def_property("title", [](const Draft& d) { return reading(d, [](const Proposal& p) { return p.title; }); },
                      [](Draft& d, py::handle v) {
                          auto texts = texts_arg(v, "title");
                          editing(d, [&](Proposal& p) { set_title(p, std::move(texts)); });
                      })
        .def_property("summary", [](const Draft& d) { return reading(d, [](const Proposal& p) { return p.summary; }); },
                      [](Draft& d, py::handle v) {
                          auto texts = texts_arg(v, "summary");
                          editing(d, [&](Proposal& p) { set_summary(p, std::move(texts)); });
                      })
        .def_property_readonly("narrative", [](const Draft& d) { return reading(d, [](const Proposal& p) { return p.narrative; }); },
                               "The form's text sections: section → texts by language (sections with texts only).")
        .def("set_narrative", [](Draft& d, py::handle section_arg, py::handle v) {
            const std::string section = text_arg(section_arg, "narrative");
            const std::string field = "narrative/" + section;
            auto texts = texts_arg(v, field.c_str());
            editing(d, [&](Proposal& p) { set_narrative(p, section, std::move(texts)); });
        }, py::arg("section"), py::arg("texts"), "Set one of narrative_sections (no texts: clear it).")
        .def_property("start",
                      [](const Draft& d) { return date_text(reading(d, [](const Proposal& p) { return p.start; })); },
                      [](Draft& d, py::handle v) {
                          const auto start = date_arg(v, "start");
                          editing(d, [&](Proposal& p) { set_start(p, start); });
                      })
        .def_property("duration_months",
                      [](const Draft& d) { return reading(d, [](const Proposal& p) { return p.duration_months; }); },
                      [](Draft& d, py::handle v) {
                          std::optional<std::int64_t> months;
                          if (!v.is_none()) {
                              if (!PyLong_Check(v.ptr()) || PyBool_Check(v.ptr())) {
                                  throw py::type_error(std::string("duration_months must be an int or None, not ") +
                                                       Py_TYPE(v.ptr())->tp_name);
                              }
                              int overflow = 0;
                              months = PyLong_AsLongLongAndOverflow(v.ptr(), &overflow);
                              if (overflow) months = overflow > 0 ? INT64_MAX : INT64_MIN;  // out of range all the same
                          }
                          editing(d, [&](Proposal& p) { set_duration(p, months); });
                      })
        .def_property_readonly("end", [](const Draft& d) { return date_text(reading(d, [](const Proposal& p) { return p.end(); })); })
        // ---- partners
        .def("partner_ids", [](const Draft& d) {
            return reading(d, [](const Proposal& p) {
                std::vector<std::string> ids;
                for (const auto& partner : p.partners) ids.push_back(partner.id);
                return ids;
            });
        }, "The partners' ids, in order.")
        .def("partners", [](const Draft& d) {
            const auto copies = reading(d, [&](const Proposal& p) {
                std::vector<PartnerCopy> out;
                for (const auto& partner : p.partners) out.push_back(copy_fields(d.programme(), partner));
                return out;
            });
            py::list out;
            for (const auto& c : copies) out.append(fields_of(c));
            return out;
        }, "Every partner's own fields (dicts), in order.")
        .def("partner", [](const Draft& d, py::handle id_or_name) {
            const auto key = text_arg(id_or_name, "partner");
            return fields_of(reading(d, [&](const Proposal& p) { return copy_fields(d.programme(), p.partner(key)); }));
        }, py::arg("id_or_name"), "A partner's own fields, by id or name (NotFoundError lists the partners).")
        .def("add_partner", [](Draft& d, py::handle name, py::handle country, py::handle region, py::handle org_type,
                               py::handle legal_status, py::handle role, py::handle owner, py::handle activity,
                               py::handle number, py::handle address, py::handle contact) {
            const Programme& programme = d.programme();
            Partner partner;
            partner.name = text_arg(name, "name");
            partner.country = country_named(programme, text_arg(country, "country"));
            partner.region = optional_text_arg(region, "region");  // kept as given: the rules match regions
            if (auto t = optional_text_arg(org_type, "org_type")) partner.org_type = org_type_named(programme, std::move(*t));
            if (auto s = optional_text_arg(legal_status, "legal_status")) partner.legal_status = legal_status_named(programme, *s);
            partner.role = role_named(programme, text_arg(role, "role"));
            partner.norwegian_project_owner = bool_arg(owner, "norwegian_project_owner");
            partner.economic_activity = optional_bool_arg(activity, "economic_activity");
            partner.organisation_number = optional_text_arg(number, "organisation_number");
            partner.address = optional_text_arg(address, "address");
            partner.contact_person = optional_text_arg(contact, "contact_person");
            return editing(d, [&](Proposal& p) { return add_partner(p, std::move(partner)).id; });
        }, py::arg("name"), py::arg("country"), py::arg("region") = py::none(), py::arg("org_type") = py::none(),
           py::arg("legal_status") = py::none(), py::arg("role") = "partner", py::arg("norwegian_project_owner") = false,
           py::arg("economic_activity") = py::none(), py::arg("organisation_number") = py::none(),
           py::arg("address") = py::none(), py::arg("contact_person") = py::none(), "Add a partner; returns its id.")
        .def("set_partner", [](Draft& d, py::handle id_or_name, const std::string& field, py::handle value) {
            const auto id = text_arg(id_or_name, "partner");
            const auto& setters = partner_setters();
            const auto it = setters.find(field);
            if (it == setters.end()) {
                std::vector<std::string> names;
                for (const auto& [name, setter] : setters) names.push_back(name);
                throw ArgumentError("no partner field '" + field + "'; the fields are " + text::join_choices(names, ", "));
            }
            it->second(d, id, value);
        }, py::arg("id"), py::arg("field"), py::arg("value"), "Set one of a partner's own fields (checked by the core).")
        .def("set_state_aid", [](Draft& d, py::handle id_or_name, py::handle scheme, py::handle previous) {
            const auto key = text_arg(id_or_name, "partner");
            std::optional<StateAid> aid;
            if (auto name = optional_text_arg(scheme, "scheme")) {
                aid = StateAid{parse_state_aid_scheme(*name), std::nullopt};
                if (!previous.is_none()) aid->previous_de_minimis = money_arg(previous, "previous_de_minimis");
            } else if (!previous.is_none()) {
                throw ArgumentError("previous_de_minimis", "give a scheme with it, or None for both to clear the record");
            }
            editing(d, [&](Proposal& p) { set_partner_state_aid(p, key, aid); });
        }, py::arg("id"), py::arg("scheme"), py::arg("previous_de_minimis") = py::none(),
           "Record a partner's State-aid scheme (and previous de minimis aid in EUR), or clear it with None.")
        .def("partner_references", [](const Draft& d, py::handle id) {
            const auto key = text_arg(id, "partner");
            return reading(d, [&](const Proposal& p) { return partner_references(p, p.partner(key).id); });
        }, py::arg("id"), "Where the work plan names the partner.")
        .def("remove_partner", [](Draft& d, py::handle id, bool cascade) {
            const auto key = text_arg(id, "partner");
            editing(d, [&](Proposal& p) { remove_partner(p, key, cascade); });
        }, py::arg("id"), py::arg("cascade") = false)
        // ---- documents
        .def("to_dict", [](const Draft& d) { return to_python(reading(d, [](const Proposal& p) { return proposal_to_json(p); })); })
        .def("dumps", [](const Draft& d) { return reading(d, [](const Proposal& p) { return dump_proposal(p); }); })
        .def("save", [](const Draft& d, py::handle path) {
            const std::string name = path_arg(path);
            const std::string text = reading(d, [](const Proposal& p) { return dump_proposal(p); });
            py::gil_scoped_release release;
            write_file_atomically(name, text);
        }, py::arg("path"), "Write the document atomically.")
        .def("copy", [](const Draft& d) { return std::make_shared<Draft>(d.shared_programme(), reading(d, [](const Proposal& p) { return p; })); },
             "An independent copy for the same programme.");
}

}  // namespace interreg::bindings
