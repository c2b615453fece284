//! JSON read from outside (standard input, a backup file) with one rule serde_json does not
//! keep: a key may appear only once in an object. serde_json keeps the last of duplicated keys,
//! so `{"minutes": 5, "minutes": 9999}` would log what the person did not see first.

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;
use serde_json::{Map, Value};

use crate::error::{quoted, Error, Result};

/// Parses `text` as JSON, refusing a duplicated key; the error names where it is (`field`, or
/// a path such as `entries[2].minutes`).
pub fn parse(text: &str, field: &str) -> Result<Value> {
    let mut de = serde_json::Deserializer::from_str(text);
    let Strict(value) = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        // A syntax error has no whole path, but a line and a column.
        match path.as_str() {
            _ if !inner.is_data() => Error::invalid(field, format!("not valid JSON: {inner}")),
            "." => Error::invalid(field, inner.to_string()),
            path => Error::invalid(path.trim_start_matches('.'), inner.to_string()),
        }
    })?;
    de.end().map_err(|e| Error::invalid(field, format!("not valid JSON: {e}")))?;
    Ok(value)
}

struct Strict(Value);

impl<'de> de::Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_bool<E>(self, v: bool) -> std::result::Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> std::result::Result<Value, E> {
        Ok(v.into())
    }

    fn visit_u64<E>(self, v: u64) -> std::result::Result<Value, E> {
        Ok(v.into())
    }

    fn visit_f64<E>(self, v: f64) -> std::result::Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> std::result::Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> std::result::Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(de::Error::custom(format!("the key {} appears twice in one object", quoted(&key))));
            }
            let Strict(v) = map.next_value_seed(StrictSeed)?;
            object.insert(key, v);
        }
        Ok(Value::Object(object))
    }
}

struct StrictSeed;

impl<'de> DeserializeSeed<'de> for StrictSeed {
    type Value = Strict;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Strict, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duplicated_key_is_refused_at_any_depth_and_named() {
        let e = parse(r#"{"channel":"page","minutes":5,"minutes":9999}"#, "json").unwrap_err();
        assert!(e.to_string().contains("'minutes' appears twice"), "{e}");
        let e = parse(r#"[{"a":1},{"b":{"c":1,"c":2}}]"#, "json").unwrap_err();
        assert!(e.to_string().starts_with("[1].b: "), "{e}");
    }

    #[test]
    fn ordinary_json_reads_as_serde_json_reads_it() {
        let text = r#"{"a":[1,-2,3.5,"x",null,true],"b":{"c":{}}}"#;
        assert_eq!(parse(text, "json").unwrap(), serde_json::from_str::<Value>(text).unwrap());
    }

    #[test]
    fn malformed_json_and_trailing_text_are_refused() {
        for bad in ["{", "{} x", "[1,]", ""] {
            let e = parse(bad, "json").unwrap_err();
            assert!(e.to_string().starts_with("json: not valid JSON"), "{bad}: {e}");
        }
    }
}
