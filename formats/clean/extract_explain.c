/* What --explain prints of the extractor's choice: the top candidates and
 * the runs of repeated records. */
#include "clean/extract.h"
#include "clean/extract_int.h"
#include "util/xml_node.h"

#include <string.h>

/* One line per top candidate: its figures, and what became of it. */
void ex_explain_candidate(FILE *out, const extract_result *r, int i)
{
    const extract_candidate *c = &r->top[i];
    const char *fate = "dropped: scores too low beside the best";
    for (int k = 0; k < r->n_nodes; k++) {
        if (c->node == r->nodes[k])
            fate = "kept";
        else if (xml_is_ancestor(r->nodes[k], c->node))
            fate = "kept, inside a kept block";
        else if (xml_is_ancestor(c->node, r->nodes[k]) && strcmp(fate, "kept"))
            fate = "dropped: wraps the kept blocks with more furniture around them";
    }
    xmlChar *p = xmlGetNodePath(c->node);
    fprintf(out, "candidate %d: score %.1f  chars %d  punct %d  links %.2f  class %+d  %s  -> %s\n",
            i + 1, c->score, c->chars, c->punct, c->link_density, c->class_weight,
            p ? (char *)p : "?", fate);
    xmlFree(p);
}

/* The runs of repeated records found below N, and the boxes whose
 * children share a body name, for --explain. */
void ex_explain_records(FILE *out, xmlNodePtr n, int *told)
{
    for (; n && *told < 8; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (ex_stat_of(n)->parts_weight > 0) {
            xmlChar *p = xmlGetNodePath(n);
            fprintf(out, "named parts: %s: boxes below it share a body name, which counts for it instead\n",
                    p ? (char *)p : "?");
            xmlFree(p);
            (*told)++;
        }
        if (ex_stat_of(n)->record_list) {
            int k = 0;
            for (xmlNodePtr c = n->children; c; c = c->next)
                k += c->type == XML_ELEMENT_NODE && ex_stat_of(c)->record;
            xmlChar *p = xmlGetNodePath(n);
            fprintf(out, "records: %s: %d repeated records, their text counted a quarter\n", p ? (char *)p : "?", k);
            xmlFree(p);
            (*told)++;
        }
        ex_explain_records(out, n->children, told);
    }
}
