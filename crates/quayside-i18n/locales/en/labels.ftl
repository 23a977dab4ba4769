# Labels of the case model: sections, fields, event kinds, flags, roles, statuses, code lists,
# and the words of exports. In code a key is written with dots (`section.route`); here the dots
# are hyphens, as Fluent ids allow no dots.

## Section headings.
section-case = Case
section-declaration = Declaration
section-transport = Transport
section-units = Transport units
section-seals = Seals
section-route = Route legs
section-declared_lines = Declared lines
section-goods_found = Goods found
section-samples = Samples
section-readings = Analyser readings
section-concealments = Concealments
section-detection = Detection
section-parties = Parties
section-outcome = Outcome
section-evidence = Evidence items

## One item of a list section, followed by its number ("Seal 2").
item-units = Unit
item-seals = Seal
item-route = Route leg
item-declared_lines = Declared line
item-goods_found = Goods found
item-samples = Sample
item-readings = Reading
item-concealments = Concealment
item-parties = Party
item-evidence = Evidence item

## Fields.
field-port = Port of inspection (UN/LOCODE)
field-location_type = Type of location
field-customs_procedure = Customs procedure
field-legal_basis = Legal basis
field-case_notes = Notes
field-declaration_number = Declaration number
field-transport_document = Bill of lading / air waybill
field-declared_description = Declared description
field-declared_hs_code = Declared HS code
field-declared_quantity = Declared quantity
field-declared_weight = Declared weight
field-declared_value = Declared value
field-declared_origin = Declared origin country
field-risk_lane = Risk lane
field-export_licence_number = Export licence number
field-export_licence_authority = Licence issued by
field-export_licence_valid_until = Licence valid until
field-transport_mode = Mode
field-vessel_name = Vessel name
field-imo_number = IMO number
field-voyage = Voyage
field-container_number = Container number (ISO 6346)
field-size_type = Size/type code
field-unit_kind = Kind of unit
field-unit_number = Unit number
field-seal_number = Seal number
field-seal_state = Condition
field-seal_unit = On unit
field-leg_locode = Place (UN/LOCODE)
field-leg_role = Role
field-leg_basis = Declared or established
field-line_description = Description
field-line_hs_code = HS code
field-line_quantity = Quantity
field-line_weight = Weight
field-line_value = Value
field-goods_description = Description
field-goods_declared_line = Found within or in place of
field-goods_unit = Found in unit
field-goods_hs_code = HS code found
field-goods_material = Controlled material
field-goods_form = Form
field-goods_quantity = Quantity
field-goods_weight = Weight
field-goods_value = Value assessed
field-goods_identified_by = Identified by
field-goods_discrepancy = Discrepancy against the declaration
field-sample_seal = Sample seal number
field-sample_method = Method
field-sample_taken_at = Taken at
field-sample_result = Result
field-reading_sample = Sample
field-reading_instrument_make = Instrument make
field-reading_instrument_model = Instrument model
field-reading_instrument_serial = Instrument serial number
field-reading_id = Reading number
field-reading_taken_at = Read at
field-reading_element = Element
field-reading_mass_percent = Mass %
field-reading_uncertainty = Uncertainty (±, mass %)
field-concealment_method = Method
field-concealment_description = How it was hidden
field-concealment_location = Location in the unit
field-concealment_unit = In unit
field-detection_methods = Detection methods
field-detection_notes = Detection notes
field-party_role = Role
field-party_kind = Person or company
field-party_name = Name
field-party_identifier = Identity or registration number
field-party_country = Country
field-party_nationality = Nationality
field-party_birth_year = Year of birth
field-party_gender = Gender
field-party_address = Address
field-party_phone = Phone
field-party_email = Email
field-outcome_code = Outcome
field-shareable = May be shared with partner agencies
field-outcome_notes = Outcome notes
field-evidence_number = Bag or seal number
field-evidence_description = Description
field-evidence_quantity = Quantity

## Event kinds, as the timeline heads each event.
event-case_opened = Case opened
event-field_set = Field edited
event-item_added = Entry added
event-item_moved = Entry moved
event-item_withdrawn = Entry withdrawn
event-item_restored = Entry restored
event-photo_attached = Photo attached
event-photo_caption_set = Photo captioned
event-photo_excluded = Photo excluded
event-photo_annotated = Photo annotated
event-document_attached = Document attached
event-document_excluded = Document excluded
event-status_set = Status changed
event-custody_transferred = Custody transferred
event-review_submitted = Submitted for review
event-review_approved = Review approved
event-review_returned = Returned to the inspector
event-case_closed = Case closed
event-control_list_applied = Control list applied
event-entity_link_set = Entity link set
event-unknown = Event of a newer version
event-undecodable = Unreadable event

## Discrepancy flags.
flag-controlled_undeclared = Controlled material undeclared
flag-controlled_without_licence = Controlled goods without a licence
flag-hs_heading_mismatch = HS heading differs
flag-weight_discrepancy = Weight differs
flag-quantity_discrepancy = Quantity differs
flag-value_discrepancy = Value differs
flag-commingling = Controlled material within other goods
flag-analyser_controlled = Controlled element read by the analyser
flag-origin_not_on_route = Origin not on route
flag-origin_relabelled = Origin relabelled
flag-undeclared_transshipment = Undeclared transshipment
flag-custody_break = Custody chain broken

## The role an author signs with.
role-inspector = Inspector
role-supervisor = Supervisor
role-admin = Admin
role-analyst = Analyst
role-other = Other role

## A shipping document's type.
document_type-bill_of_lading = Bill of lading
document_type-commercial_invoice = Commercial invoice
document_type-packing_list = Packing list
document_type-certificate_of_origin = Certificate of origin
document_type-export_licence = Export licence
document_type-other = Other document

## Case status.
status-open = Open
status-closed = Closed
status-withdrawn = Withdrawn

## Review state, as the case list and queue show it.
review-not_submitted = Not submitted
review-submitted = Waiting for review
review-returned = Returned
review-approved = Approved
review-reopened = Changed after approval

## Where a case stands: its status and review in one state, shown in the header, list, queue and exports.
state-draft = Draft
state-submitted = Waiting for review
state-returned = Returned
state-approved = Approved
state-reopened = Changed after approval
state-closed = Closed
state-withdrawn = Withdrawn

## The words of timeline lines other than sections and fields.
change-case_number = Case number
change-status = Status
change-review = Review
change-reason = Reason for the change
change-photo = Photo
change-document = Document
change-caption = Caption
change-custody = Custody
change-conflict = conflict: edited elsewhere at the same time, both values kept
change-conflict_settled = conflict settled
change-acknowledged = Flag acknowledged
change-control_list = Control list
change-entity_link = Link
change-annotation = Annotation
change-added = added
change-position = position { $position }
change-entry = { $item } { $number }
change-withdrawn = withdrawn: { $reason }
change-restored = restored
change-control_list_version = version { $version }
change-entity_same = { $key } is the same as { $other }
change-entity_not_same = { $key } is not { $other }
change-photo_attached = attached (SHA-256 { $sha256 })
change-photo_excluded = excluded: { $reason }
change-annotation_text = Text “{ $text }”
change-annotation_removed = removed
change-document_attached = attached as { $type } (SHA-256 { $sha256 })
change-document_attached_number = attached as { $type } no. { $number } (SHA-256 { $sha256 })
change-document_excluded = excluded: { $reason }
change-status_reason = { $status } ({ $reason })
change-custody_to = { $to }, at { $place }, { $at } ({ $condition })
change-review_submitted = submitted for review
change-review_submitted_comment = submitted for review ({ $comment })
change-review_returned = returned: { $comment }
change-review_approved = { $count ->
    [one] approved, covering { $count } event
   *[other] approved, covering { $count } events
}
change-review_approved_comment = { $count ->
    [one] approved, covering { $count } event ({ $comment })
   *[other] approved, covering { $count } events ({ $comment })
}
change-review_uncovered = { $count ->
    [one] { $count } change not covered reopens it
   *[other] { $count } changes not covered reopen it
}

## Code lists.
concealment-C1 = Misdeclaration
concealment-C2 = Commingled
concealment-C3 = Hidden inside articles or liquids
concealment-C4 = Structural
concealment-C5 = Documentary
concealment-C6 = Parcel splitting
detection-D1 = Risk profiling (red lane)
detection-D2 = Intelligence or partner alert
detection-D3 = Random selection
detection-D4 = Document discrepancy
detection-D5 = X-ray or gamma scan
detection-D6 = Physical examination
detection-D7 = Handheld analyser
detection-D8 = Radiation portal
detection-D9 = Post-clearance audit
detection-D10 = Joint operation
outcome-O1 = Released, no irregularity
outcome-O2 = Released after correction or duty
outcome-O3 = Detained pending lab result or licence
outcome-O4 = Seized
outcome-O5 = Confiscated
outcome-O6 = Administrative penalty
outcome-O7 = Criminal referral
outcome-O8 = Re-exported
outcome-O9 = Destroyed
outcome-O10 = Controlled delivery
material-rare_earth = Rare-earth metals and compounds
material-gallium_germanium = Gallium, germanium
material-antimony = Antimony
material-tungsten = Tungsten
material-tellurium = Tellurium and tellurides
material-bismuth = Bismuth
material-molybdenum = Molybdenum powder
material-indium = Indium compounds
material-none = Not a controlled material
## What each entry of the controlled-materials watchlist covers, by HS subheading: `watch.<hs prefix>`.
watch-280530 = Rare-earth metals
watch-284610 = Cerium compounds
watch-284690 = Other rare-earth compounds
watch-811292 = Gallium, germanium: unwrought, powder, waste
watch-811299 = Gallium, germanium: wrought
watch-282560 = Germanium oxides
watch-811010 = Antimony: unwrought, powder
watch-811020 = Antimony waste and scrap
watch-811090 = Antimony, other
watch-282580 = Antimony oxides
watch-261710 = Antimony ores
watch-810110 = Tungsten powder
watch-810194 = Tungsten, unwrought
watch-810196 = Tungsten wire
watch-810197 = Tungsten waste and scrap
watch-810199 = Tungsten, other
watch-261100 = Tungsten ores
watch-284180 = Tungstates
watch-2825901200 = Tungsten oxide
watch-2825901910 = Tungsten oxide (other)
watch-2825901920 = Tungsten oxide (other)
watch-2849902000 = Tungsten carbide
watch-3824999922 = Rare-earth mixtures and targets (samarium and other medium or heavy rare earths)
watch-8486909110 = Samarium sputtering targets
watch-2825909001 = Gallium oxide
watch-2850001901 = Gallium nitride
watch-2853904030 = Gallium phosphide
watch-2853909026 = Gallium arsenide
watch-2853909029 = Gallium antimonide
watch-2842909024 = Gallium selenide
watch-2931900032 = Organic antimony compounds (trimethyl, triethyl antimony)
watch-2850009020 = Antimony hydride
## Declared goods of known composition, by HS heading or subheading: `composition.<hs prefix>`.
composition-381010 = solder paste
composition-8001 = unwrought tin
composition-8003 = tin bars, rods and wire
composition-8007 = other articles of tin
composition-7403 = refined copper and copper alloys
composition-7901 = unwrought zinc
composition-7601 = unwrought aluminium
composition-7502 = unwrought nickel
composition-720221 = ferro-silicon
composition-720229 = other ferro-silicon
composition-6907 = ceramic tiles
composition-2603 = copper ores and concentrates
composition-2201 = waters, including mineral and aerated waters
form-ingot = Ingot
form-powder = Powder
form-oxide = Oxide
form-alloy = Alloy
form-blend = Blend
form-ore = Ore or concentrate
form-scrap = Waste or scrap
form-wire = Wire or wrought
form-other = Other
transport_mode-sea = Sea
transport_mode-air = Air
transport_mode-road = Road
transport_mode-rail = Rail
transport_mode-postal = Postal or courier
route_role-origin = Origin
route_role-loading = Loading
route_role-transshipment = Transshipment
route_role-transit = Transit
route_role-discharge = Discharge
route_role-destination = Destination
route_basis-declared = Declared
route_basis-established = Established
unit_kind-container = Container
unit_kind-trailer = Trailer or truck
unit_kind-uld = Air unit load device (ULD)
unit_kind-postal = Postal item
seal_state-intact = Intact
seal_state-broken = Broken
sample_method-xrf = Handheld XRF
sample_method-libs = Handheld LIBS
sample_method-density = Density test
sample_method-icp_ms = Lab ICP-MS
sample_method-other = Other lab method
party_role-shipper = Shipper
party_role-consignee = Consignee
party_role-declarant = Declarant
party_role-carrier = Carrier
party_role-driver = Driver
party_role-other = Other
party_kind-company = Company
party_kind-person = Person
risk_lane-red = Red
risk_lane-yellow = Yellow
risk_lane-green = Green
risk_lane-blue = Blue
identified_by-visual = Visual examination
identified_by-analyser = Handheld analyser
identified_by-lab = Laboratory
identified_by-documents = Documents
yes_no-yes = Yes
yes_no-no = No
customs_procedure-export = Export
customs_procedure-import = Import
customs_procedure-transit = Transit
location_type-seaport = Seaport
location_type-airport = Airport
location_type-land_border = Land border
location_type-postal_centre = Postal or express centre
gender-female = Female
gender-male = Male
gender-unknown = Not known

## Spreadsheet exports: sheet names, and column headings that are no field, code or kind.
sheet-cases = Cases
sheet-totals = Totals
sheet-by_concealment = By concealment
sheet-by_material = By material
sheet-by_outcome = By outcome
sheet-by_detection = By detection
sheet-by_month = By month
sheet-by_week = By week
sheet-routes = Routes
column-opened_at = Opened at
column-opened_by = Opened by
column-updated_at = Updated at
column-flags = Flags
column-events = Events
column-cases = Cases
column-seized_kg = Seized (kg)
column-month = Month
column-iso_week = ISO week
column-declared_kg = Declared weight (kg)
column-found_kg = Weight found (kg)
column-code = { $column } (code)
sheet-by_flag = By flag
cell-no_flag = No flag
sheet-partner = For partner agencies
column-offenders = Offenders (role: nationality, year of birth, gender)
cell-not_recorded = (not recorded)

## Notes shown with a result.
export-personal_data = This file holds personal data. Keep it on an encrypted drive, share it only with those entitled to it, and delete it when it is no longer needed.
export-partner = Only cases marked "May be shared with partner agencies" and approved by a supervisor. No names, identity numbers, addresses, officers or free text: offenders are given by role, nationality, year of birth and gender.

## Hints shown beside a code list's entries.
hint-concealment-C1 = false description, false HS code, short-declared quantity, undervaluation
hint-concealment-C2 = blended into ceramic tiles, scrap, concentrate; alloyed or coated
hint-concealment-C3 = plastic mannequins, bottled water, machinery, false-bottom packaging
hint-concealment-C4 = container or vehicle walls, floor, frame
hint-concealment-C5 = relabelled or repackaged, false certificate of origin, transshipment, front company
hint-concealment-C6 = postal, express, courier consignments
hint-detection-D7 = XRF, LIBS, density
hint-material-rare_earth = HS 2805.30, 2846.10, 2846.90
hint-material-gallium_germanium = HS 8112.92, 8112.99, 2825.60
hint-material-antimony = HS 8110.10, 8110.20, 8110.90, 2825.80, 2617.10
hint-material-tungsten = HS 8101.10-8101.99, 2611.00, 2841.80
hint-material-tellurium = HS 2804.50, 2842.90, 2852.10, 3818.00
hint-material-bismuth = HS 8106.10, 8106.90, 2841.90, 2931.90
hint-material-molybdenum = HS 8102.10
hint-material-indium = HS 2853.90, 2931.90
hint-route_basis-established = found by the inspection
hint-unit_kind-uld = IATA ULD id, e.g. AKE12345CX
hint-unit_kind-postal = UPU S10 number, e.g. RR123456785CN
hint-risk_lane-red = physical inspection
hint-risk_lane-yellow = document check
hint-risk_lane-green = no check
hint-risk_lane-blue = post-clearance audit

## What to type, shown in an empty box.
input_hint-container = e.g. CSQU 305438 3
input_hint-imo = 7 digits, e.g. 9074729
input_hint-locode = e.g. NLRTM
input_hint-country = two letters, e.g. TH
input_hint-hs_code = e.g. 8101.94
input_hint-weight = e.g. 1250 kg
input_hint-quantity = e.g. 40 cartons
input_hint-money = e.g. 12000 USD
input_hint-date_time = YYYY-MM-DD HH:MM
input_hint-date = YYYY-MM-DD
input_hint-mass_percent = e.g. 38.25
input_hint-birth_year = four digits, e.g. 1975
## Elements an analyser reads, by symbol: `element.<symbol>`.
element-Ga = Gallium
element-Ge = Germanium
element-Sb = Antimony
element-W = Tungsten
element-Sc = Scandium
element-Y = Yttrium
element-La = Lanthanum
element-Ce = Cerium
element-Pr = Praseodymium
element-Nd = Neodymium
element-Pm = Promethium
element-Sm = Samarium
element-Eu = Europium
element-Gd = Gadolinium
element-Tb = Terbium
element-Dy = Dysprosium
element-Ho = Holmium
element-Er = Erbium
element-Tm = Thulium
element-Yb = Ytterbium
element-Lu = Lutetium
element-Sn = Tin
element-Pb = Lead
element-Cu = Copper
element-Zn = Zinc
element-Fe = Iron
element-Ni = Nickel
element-Co = Cobalt
element-Ag = Silver
element-Bi = Bismuth
element-In = Indium
element-Si = Silicon
element-Al = Aluminium

## What an entity named in cases is
entity-company = Company
entity-person = Person
entity-party_number = Registration or ID number
entity-container = Container
entity-vessel = Vessel
entity-transport_document = Bill of lading
entity-address = Address
entity-phone = Phone
entity-email = Email

## The marks drawn over a photo.
annotation-arrow = Arrow
annotation-box = Box
annotation-freehand = Freehand line
annotation-text = Text
