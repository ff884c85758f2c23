-- Sample catalog for the local platform only: application-local.yaml adds this location to
-- Flyway's, no other profile does. Fixed ids and ON CONFLICT make it safe to run again
-- (Flyway reruns a repeatable migration when this file changes) without duplicating rows
-- or overwriting local edits.
INSERT INTO product (id, name, description, price, currency, created_at, updated_at)
VALUES
    ('0b6f2a9e-4c1d-4f3a-9a57-1d2f6b8e0001', 'Espresso Machine Classic',
     'Single-boiler espresso machine with a 58 mm portafilter and a steam wand.', 489.00, 'EUR',
     now() - interval '12 days', now() - interval '12 days'),
    ('0b6f2a9e-4c1d-4f3a-9a57-1d2f6b8e0002', 'Burr Coffee Grinder',
     'Conical steel burrs, 40 grind settings from espresso to French press.', 129.90, 'EUR',
     now() - interval '11 days', now() - interval '11 days'),
    ('0b6f2a9e-4c1d-4f3a-9a57-1d2f6b8e0003', 'Pour-Over Kettle',
     'Gooseneck kettle, 1 litre, with a built-in thermometer.', 59.50, 'EUR',
     now() - interval '10 days', now() - interval '10 days'),
    ('0b6f2a9e-4c1d-4f3a-9a57-1d2f6b8e0004', 'Ceramic Coffee Mug',
     'Stoneware mug, 350 ml, dishwasher safe.', 14.00, 'EUR',
     now() - interval '9 days', now() - interval '9 days'),
    ('0b6f2a9e-4c1d-4f3a-9a57-1d2f6b8e0005', 'Trail Running Shoes',
     'Lightweight shoes with a 4 mm lug outsole for muddy trails.', 139.95, 'EUR',
     now() - interval '8 days', now() - interval '8 days'),
    ('0b6f2a9e-4c1d-4f3a-9a57-1d2f6b8e0006', 'Merino Wool Running Socks',
     'Cushioned heel and toe, pack of three pairs.', 29.00, 'EUR',
     now() - interval '7 days', now() - interval '7 days'),
    ('0b6f2a9e-4c1d-4f3a-9a57-1d2f6b8e0007', 'Waterproof Hiking Backpack',
     '30 litres, roll-top closure, padded hip belt.', 119.00, 'EUR',
     now() - interval '6 days', now() - interval '6 days'),
    ('0b6f2a9e-4c1d-4f3a-9a57-1d2f6b8e0008', 'Noise-Cancelling Headphones',
     'Over-ear, 30 hours of battery life, USB-C charging.', 249.00, 'EUR',
     now() - interval '5 days', now() - interval '5 days'),
    ('0b6f2a9e-4c1d-4f3a-9a57-1d2f6b8e0009', 'Mechanical Keyboard',
     'Tenkeyless layout, hot-swappable switches, PBT keycaps.', 99.00, 'EUR',
     now() - interval '4 days', now() - interval '4 days'),
    ('0b6f2a9e-4c1d-4f3a-9a57-1d2f6b8e0010', 'USB-C Charging Cable',
     'Braided, 2 metres, 100 W power delivery.', 12.50, 'EUR',
     now() - interval '3 days', now() - interval '3 days'),
    ('0b6f2a9e-4c1d-4f3a-9a57-1d2f6b8e0011', 'Cast Iron Skillet',
     'Pre-seasoned, 26 cm, oven safe.', 45.00, 'EUR',
     now() - interval '2 days', now() - interval '2 days'),
    ('0b6f2a9e-4c1d-4f3a-9a57-1d2f6b8e0012', 'Chef''s Knife',
     '20 cm blade of stainless steel, full tang, pakkawood handle.', 79.00, 'EUR',
     now() - interval '1 day', now() - interval '1 day')
ON CONFLICT (id) DO NOTHING;
