-- How each person has the app drawn: their theme (`light`, `contrast`, `dark`) and density
-- (`compact`, `touch`), NULL while they follow what the system asks for; their zoom in percent,
-- NULL for 100. Not evidence: only the screens read it.
ALTER TABLE people ADD COLUMN theme TEXT;
ALTER TABLE people ADD COLUMN density TEXT;
ALTER TABLE people ADD COLUMN zoom_percent INTEGER;
