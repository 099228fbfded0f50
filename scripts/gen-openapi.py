#!/usr/bin/env python3
"""Writes Sources/SitrepServer/OpenAPI/openapi.json, the OpenAPI 3.1 description of
`sitrep serve` (docs/api.md), served at /openapi.json.

The schemas are written here once, as data, so that the document stays valid
JSON and consistent; the API tests check that every route is documented and
every documented path answers. Rebuild: python3 scripts/gen-openapi.py
"""
import json
import os

S=lambda t, **k: dict(type=t, **k)
nullable=lambda t, **k: dict(type=[t,"null"], **k)
ref=lambda n: {"$ref": f"#/components/schemas/{n}"}
span={"start": S("integer", minimum=0, description="code point offset, inclusive"), "end": S("integer", minimum=0, description="code point offset, exclusive")}
def obj(props, required=None, desc=None):
    o={"type":"object","properties":props,"required":required if required is not None else list(props)}
    if desc: o["description"]=desc
    return o
schemas={
 "Error": obj({"error": obj({"code": S("string"), "message": S("string")})}),
 "Stats": obj({k: S("integer") for k in ["articles","stories","near_duplicates","events","event_mentions","entities","actors","times","places","quotes","quantities"]} | {"first_published": nullable("string"), "last_published": nullable("string")}),
 "EventPlace": obj({"key": S("string", description="GeoNames id, else the lowercased name"), "name": nullable("string"), "geonameid": nullable("integer"), "country": nullable("string", description="ISO 3166-1 alpha-2"), "lat": nullable("number"), "lon": nullable("number")}),
 "Event": obj({"id": S("integer"), "date": nullable("string", format="date"), "source": nullable("string", description="CAMEO actor code"), "target": nullable("string"), "code": S("string", description="CAMEO event code"), "root_code": S("string"), "label": nullable("string"), "place": {"oneOf":[ref("EventPlace"), {"type":"null"}]}, "mentions": S("integer"), "articles": S("integer"), "sources": S("integer", description="distinct stories: syndicated copies count once"), "first_article": {"oneOf":[obj({"id":S("integer"),"title":nullable("string"),"url":nullable("string")}), {"type":"null"}]}}, desc="A deduplicated event: one (source, target, CAMEO root, day, place) however many articles report it."),
 "Mention": obj({"article_id": S("integer"), "article_title": nullable("string"), "code": S("string"), "source_text": nullable("string"), "target_text": nullable("string")} | span | {"evidence": nullable("string", description="the coding rule"), "confidence": S("number"), "flags": S("array", items=S("string"))}),
 "EventDetail": {"allOf":[ref("Event"), obj({"mention_list": S("array", items=ref("Mention"))})]},
 "ArticleSummary": obj({"id": S("integer"), "story_id": S("integer"), "external_id": S("string"), "url": nullable("string"), "title": nullable("string"), "source": nullable("string"), "published": nullable("string"), "near_duplicate_of": nullable("integer"), "similarity": nullable("number"), "text_bytes": S("integer")}),
 "Article": obj({"id": S("integer"), "story_id": S("integer"), "external_id": S("string"), "url": nullable("string"), "title": nullable("string"), "byline": nullable("string"), "source": nullable("string"), "published": nullable("string"), "language": nullable("string"), "near_duplicate_of": nullable("integer"), "text": S("string"),
    "entities": S("array", items=obj(span|{"text":S("string"),"type":S("string", enum=["PER","ORG","LOC","MISC"]),"canonical":nullable("string"),"actor":nullable("string")})),
    "actors": S("array", items=obj(span|{"text":S("string"),"code":S("string"),"canonical":nullable("string")})),
    "times": S("array", items=obj(span|{"text":S("string"),"type":S("string"),"value":nullable("string", description="TIMEX3 value"),"flags":S("array",items=S("string"))})),
    "places": S("array", items=obj(span|{"text":S("string"),"name":nullable("string"),"geonameid":nullable("integer"),"country":nullable("string"),"lat":nullable("number"),"lon":nullable("number")})),
    "quotes": S("array", items=obj(span|{"text":S("string"),"speaker":{"oneOf":[obj(span|{"text":nullable("string"),"canonical":nullable("string"),"actor":nullable("string")}),{"type":"null"}]},"kind":{"type":["string","null"],"enum":["direct","partial","indirect",None],"description":"direct quotation, a quoted fragment inside the writer's sentence (partial), or reported speech (indirect); null for quotes stored before kinds were kept"},"cue":{"oneOf":[obj(span),{"type":"null"}]}})),
    "quantities": S("array", items=obj(span|{"text":S("string"),"value":nullable("number"),"approximate":S("boolean"),"unit":nullable("string"),"counted":nullable("string"),"event":nullable("integer", minimum=0, description="the event this quantity describes (a death toll on an attack), as an index into this article's `events`"),"event_id":nullable("integer", description="the deduplicated event that mention belongs to (`/api/events/{id}`)")})),
    "events": S("array", items=obj({"event_id":S("integer"),"code":S("string"),"label":nullable("string"),"source":nullable("string"),"target":nullable("string"),"date":nullable("string")}|span|{"triggers":S("array", items=S("array", items=S("integer"), minItems=2, maxItems=2), description="trigger word spans, code points"),"source_text":nullable("string"),"target_text":nullable("string"),"evidence":nullable("string"),"confidence":S("number"),"flags":S("array",items=S("string"))})),
   }, desc="An article with every annotation layer; offsets count Unicode code points of `text`."),
 "Actor": obj({"code": S("string"), "mentions": S("integer"), "articles": S("integer"), "as_source": S("integer"), "as_target": S("integer")}),
 "TimelineBucket": obj({"date": S("string", format="date"), "root_code": S("string"), "events": S("integer")}),
 "PlaceBucket": obj({"key": S("string"), "name": nullable("string"), "geonameid": nullable("integer"), "country": nullable("string"), "lat": S("number"), "lon": S("number"), "events": S("integer"), "roots": S("object", additionalProperties=S("integer"))}),
 "Network": obj({"nodes": S("array", items=obj({"code":S("string"),"events":S("integer")})), "edges": S("array", items=obj({"source":S("string"),"target":S("string"),"events":S("integer"),"roots":S("object", additionalProperties=S("integer"))}))}),
}
def listOf(name): return obj({"items": S("array", items=ref(name)), "limit": S("integer"), "offset": S("integer")})
def itemsOf(name): return obj({"items": S("array", items=ref(name))})
def q(name, desc, schema=None, **k): return {"name": name, "in": "query", "required": False, "description": desc, "schema": schema or S("string", **k)}
filters=[q("actor","source actor code prefix (TUR matches TURMIL)", pattern="^[A-Za-z0-9]{1,15}$"), q("target","target actor code prefix", pattern="^[A-Za-z0-9]{1,15}$"), q("code","CAMEO code prefix: a root (19) or longer (193)", pattern="^[0-9]{1,4}$"), q("since","first event date, inclusive", format="date"), q("until","last event date, inclusive", format="date"), q("place","place name (case-insensitive) or GeoNames id", maxLength=256), q("dyadic","only events with both a source and a target actor", S("boolean", default=False))]
paging=[q("limit","at most this many items", S("integer", minimum=1, maximum=1000, default=100)), q("offset","skip this many items", S("integer", minimum=0, maximum=1000000, default=0))]
idp=lambda what: {"name":"id","in":"path","required":True,"description":f"the {what}'s id","schema":S("integer", minimum=1)}
def ok(schema, desc="OK"): return {"200":{"description":desc,"content":{"application/json":{"schema":schema}}}, "400":{"description":"a malformed parameter","content":{"application/json":{"schema":ref("Error")}}}}
def with404(r): r["404"]={"description":"not found","content":{"application/json":{"schema":ref("Error")}}}; return r
paths={
 "/api/stats": {"get":{"operationId":"getStats","summary":"Counts of what the store holds","responses":ok(ref("Stats"))}},
 "/api/events": {"get":{"operationId":"listEvents","summary":"Deduplicated events, newest first","parameters":filters+paging,"responses":ok(listOf("Event"))}},
 "/api/events/{id}": {"get":{"operationId":"getEvent","summary":"One event with its mentions (at most 100)","parameters":[idp("event")],"responses":with404(ok(ref("EventDetail")))}},
 "/api/articles": {"get":{"operationId":"listArticles","summary":"Article summaries, newest first","parameters":[q("q","substring of the title", maxLength=256), q("story","story id", S("integer", minimum=1)), q("source","outlet", maxLength=256), q("since","first publication date", format="date"), q("until","last publication date", format="date")]+paging,"responses":ok(listOf("ArticleSummary"))}},
 "/api/articles/{id}": {"get":{"operationId":"getArticle","summary":"An article with every annotation layer","parameters":[idp("article")],"responses":with404(ok(ref("Article")))}},
 "/api/actors": {"get":{"operationId":"listActors","summary":"Actor codes by activity","parameters":[paging[0]],"responses":ok(listOf("Actor"))}},
 "/api/timeline": {"get":{"operationId":"getTimeline","summary":"Events per day and CAMEO root, oldest first","parameters":filters,"responses":ok(itemsOf("TimelineBucket"))}},
 "/api/map": {"get":{"operationId":"getMap","summary":"Events per place with coordinates, most first","parameters":filters+[q("limit","at most this many places", S("integer", minimum=1, maximum=5000, default=500))],"responses":ok(itemsOf("PlaceBucket"))}},
 "/api/network": {"get":{"operationId":"getNetwork","summary":"The actor network: the heaviest source-target pairs","parameters":filters+[q("limit","at most this many pairs", S("integer", minimum=1, maximum=2000, default=150))],"responses":ok(ref("Network"))}},
}
ingest_result=obj({"line":S("integer"),"id":S(["string","null"]),"status":S("string", enum=["stored","near_duplicate","duplicate"]),"article_id":S("integer"),"story_id":S("integer"),"of":S("integer"),"similarity":S("number"),"error":obj({"code":S("string"),"message":S("string")})}, ["line"])
err=lambda d: {"description":d,"content":{"application/json":{"schema":ref("Error")}}}
paths["/api/articles"]["post"]={"operationId":"postArticles","summary":"Run JSON lines through the pipeline and store them",
 "description":"One article per line in the interchange input format ({\"id\", \"text\"|\"html\"|\"tokens\", \"clean\", \"url\", \"published\"} plus optional \"title\" and \"source\"), stored as `sitrep ingest` would: idempotent, near-duplicates joined to their story. On loopback anyone may post unless the server has a token; elsewhere the token is required. See docs/api.md.",
 "security":[{},{"bearer":[]}],
 "requestBody":{"required":True,"content":{"application/x-ndjson":{"schema":S("string")}}},
 "responses":{"200":{"description":"what became of each line","content":{"application/json":{"schema":obj({"items":S("array", items=ingest_result),"read":S("integer"),"stored":S("integer"),"near_duplicates":S("integer"),"duplicates":S("integer"),"errors":S("integer")})}}},
  "400":err("no JSON lines in the body"),"401":err("the token is missing or wrong"),"403":err("the server is read-only, or the request came from another origin"),
  "413":err("the body or the number of lines is over the limit"),"415":err("the body is not JSON lines")}}
doc={"openapi":"3.1.0","info":{"title":"Sitrep API","version":"1","description":"Access to a Sitrep store: deduplicated CAMEO events, articles with their annotation layers, and aggregates for timelines, maps and actor networks. See docs/api.md."},"servers":[{"url":"/"}],"paths":paths,"components":{"schemas":schemas,"securitySchemes":{"bearer":{"type":"http","scheme":"bearer","description":"the server's token (--token-file or SITREP_TOKEN)"}}}}
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "SitrepServer", "OpenAPI", "openapi.json")
with open(out, "w") as f:
    json.dump(doc, f, indent=1)
    f.write("\n")
print(f"wrote {out}")
