//! The API's one integration-test binary: the command surface called exactly as the UI calls it,
//! on real data folders. One module per source module; the shared harness is `harness`.

mod harness;

mod analyser;
mod analysis;
mod annotations;
mod bag_labels;
mod bindings;
mod cases;
mod control_list;
mod custody;
mod display;
mod documents;
mod entities;
mod evidence;
mod export;
mod files;
mod language;
mod photos;
mod review;
mod session;
mod system_login;
mod typing;
