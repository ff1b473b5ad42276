-- Hyphenates the word lists here with LuaTeX's own implementation of
-- Liang's algorithm and the same hyph-utf8 files, for hyphenate_test.go:
--   cd pkg/hyphenate && luatex --ini '\\directlua{dofile("testdata/tex.lua")}\\end'
-- (Debian: texlive-luatex). Each list is hyphenated with its language's
-- TeX hyphenmins, as hyph-utf8 gives them (2 and 3 for en-gb and cy, 2 and 2 for the others).
local function read(p)
  local f = assert(io.open(p))
  local s = f:read('*a')
  f:close()
  return s
end
for _, spec in ipairs({ { 'en-gb', 2, 3 }, { 'cy', 2, 3 }, { 'de-1996', 2, 2 }, { 'es', 2, 2 }, { 'it', 2, 2 }, { 'fr', 2, 2 }, { 'pl', 2, 2 } }) do
  local tag, left, right = spec[1], spec[2], spec[3]
  local l = lang.new()
  -- Letters are letters (hjcode: themselves, capitals their small
  -- letter) before the patterns are read.
  for c = 0x41, 0x5A do l:sethjcode(c, c + 32) end
  for c = 0x61, 0x7A do l:sethjcode(c, c) end
  for c = 0xC0, 0x24F do l:sethjcode(c, c) end
  l:sethjcode(0x2019, 0x2019)
  l:sethjcode(0x27, 0x27)
  l:patterns(read('patterns/hyph-' .. tag .. '.pat.txt'))
  local ok, ex = pcall(read, 'patterns/hyph-' .. tag .. '.hyp.txt')
  if ok then l:hyphenation(ex) end
  local out = assert(io.open('testdata/tex-' .. tag .. '.txt', 'w'))
  out:write('# ' .. tag .. ': LuaTeX ' .. status.luatex_version .. ', hyphenmins ' .. left .. ' ' .. right .. ' (testdata/tex.lua)\n')
  for w in io.lines('testdata/words-' .. tag .. '.txt') do
    local head, tail
    for _, c in utf8.codes(w) do
      local lc = c
      if c < 128 then lc = string.byte(string.lower(string.char(c))) end
      l:sethjcode(c, lc)
      l:sethjcode(lc, lc)
      local g = node.new('glyph', 1) -- a character
      g.char, g.lang, g.left, g.right, g.uchyph = c, l:id(), left, right, 1
      g.font = font.current()
      if head then head = node.insert_after(head, tail, g) else head = g end
      tail = g
    end
    head = node.insert_before(head, head, node.new('glue'))
    head, tail = node.insert_after(head, tail, node.new('glue'))
    lang.hyphenate(head, tail)
    local s = {}
    for n in node.traverse(head) do
      if n.id == node.id('glyph') then s[#s + 1] = utf8.char(n.char)
      elseif n.id == node.id('disc') then s[#s + 1] = '-' end
    end
    out:write(table.concat(s) .. '\n')
    node.flush_list(head)
  end
  out:close()
end
