#!/bin/sh
# carve scan resolves Ruby constants the way Rails does: Zeitwerk names
# the file of each constant under every app/* directory, concerns/, lib/
# and engines; references are looked up through the lexical scopes
# (module A; class B) in Ruby's order; ActiveRecord associations name
# classes through the application's inflections; Gemfile, gemspec and
# Gemfile.lock name the gems. The fixture tests/fixtures/ruby-rails is a
# small Rails-shaped app; every expected edge is worked out by hand in
# the comments below.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_repo repo
cp -R "$CARVE_SRC/tests/fixtures/ruby-rails/." repo/
git -C repo add -A && git -C repo commit -qm init

expect_status "scan a Rails-shaped repository" 0 \
	"$CARVE" scan -q --cache-dir cache -f json repo
cp out scan.json

edges() {
	jq -r '.edges[] | "\(.from) \(.to) \(.kind)"' scan.json |
		grep -v '^app/models/broken.rb ' | LC_ALL=C sort
}

# account.rb: its superclass; include Account::Avatar (the concern, found
# through the class itself); has_many :statuses (Status),
# :media_attachments with a scope lambda (MediaAttachment), has_one with
# class_name 'Identity::Login', through: with source: :people (Person,
# irregular), :cacti (Cactus: the app's own irregular), class_name on the
# next line ('Blog::Post', in an engine); a constant inside a string's
# interpolation (Formatter); belongs_to polymorphic names nothing.
# avatar.rb: the namespace of `module Account::Avatar` is Account.
# status.rb: Shop::PaymentError has no file of its name: lib/exceptions.rb
# declares it. login.rb: Account from inside module Identity is the top
# level's. tag_manager.rb: Status after an endless def, Account after
# `return ... if`, Adapter is ActivityPub::Adapter (module ActivityPub
# encloses it); the top-level Parser after the module is no
# ActivityPub::Parser. adapter.rb: `class ActivityPub::Adapter` does not
# enter ActivityPub, so Parser is not found there either.
# formatter.rb: Shop::Money under lib/; JSON, Sidekiq and String are
# external; Twitter::TwitterText::Autolink is the gem's, not in the
# initializer that only reopens Twitter::TwitterText.
# status_worker.rb: Status inside module Admin is Admin::Status; after
# `while ... do ... end` and the module's end, the top level's Status.
# bom.rb: a byte-order mark mid-file does not hide the reference after it.
# statuses_controller.rb: OSM::MAX_ZOOM is in lib/osm.rb, which Zeitwerk
# names OSM through config/initializers/zeitwerk.rb's inflect(); render
# 'show' is every format of app/views/statuses/show, render partial:
# 'shared/card' is app/views/shared/_card; render :missing finds no view
# and is not counted as unresolved (a layout, a gem's view).
expect_eq "Ruby edges: Zeitwerk files through lexical scopes" \
"app/controllers/statuses_controller.rb app/controllers/application_controller.rb use
app/controllers/statuses_controller.rb app/models/status.rb use
app/controllers/statuses_controller.rb app/views/shared/_card.html.haml use
app/controllers/statuses_controller.rb app/views/statuses/show.html.erb use
app/controllers/statuses_controller.rb app/views/statuses/show.json.jbuilder use
app/controllers/statuses_controller.rb lib/osm.rb use
app/lib/activitypub/adapter.rb app/lib/activitypub/tag_manager.rb use
app/lib/activitypub/tag_manager.rb app/lib/activitypub/adapter.rb use
app/lib/activitypub/tag_manager.rb app/models/account.rb use
app/lib/activitypub/tag_manager.rb app/models/status.rb use
app/lib/formatter.rb lib/shop/money.rb use
app/models/account.rb app/lib/formatter.rb use
app/models/account.rb app/models/application_record.rb use
app/models/account.rb app/models/cactus.rb use
app/models/account.rb app/models/concerns/account/avatar.rb use
app/models/account.rb app/models/identity/login.rb use
app/models/account.rb app/models/media_attachment.rb use
app/models/account.rb app/models/person.rb use
app/models/account.rb app/models/status.rb use
app/models/account.rb engines/blog/app/models/blog/post.rb use
app/models/bom.rb app/models/status.rb use
app/models/cactus.rb app/models/application_record.rb use
app/models/concerns/account/avatar.rb app/models/account.rb use
app/models/identity/login.rb app/models/account.rb use
app/models/identity/login.rb app/models/application_record.rb use
app/models/media_attachment.rb app/models/application_record.rb use
app/models/person.rb app/models/application_record.rb use
app/models/status.rb app/models/account.rb use
app/models/status.rb app/models/application_record.rb use
app/models/status.rb lib/exceptions.rb use
app/workers/admin/status_worker.rb app/models/admin/status.rb use
app/workers/admin/status_worker.rb app/models/status.rb use
engines/blog/app/models/blog/post.rb app/models/application_record.rb use" \
	"$(edges)"

# Gemfile: rails (and Rails in zeitwerk.rb), sidekiq, nokogiri (blog,
# with a path:, is the repository's own engine); blog.gemspec: kaminari; Gemfile.lock
# (excluded from the counts as a lock file) names activerecord and
# activesupport: ActiveRecord::Base, ActiveSupport::Concern and
# ActiveSupport::Inflector. json: require 'json' and JSON. ruby: String
# and StandardError, core classes. sidekiq: the Gemfile and
# Sidekiq::Client.
expect_eq "externals: gems, stdlib, core" \
"activerecord 1 1 false
activesupport 2 2 false
json 2 1 true
kaminari 1 1 false
nokogiri 1 1 false
rails 2 2 false
ruby 2 2 true
sidekiq 2 2 false" \
	"$(jq -r '.externals[] | "\(.name) \(.refs) \(.files) \(.stdlib // false)"' \
		scan.json | LC_ALL=C sort)"

# Twitter::TwitterText::Autolink: a namespace of the repository, in no
# file; ActionController, Gem, Parser: neither the repository's nor a
# known gem's: taken as defined where used, not counted.
expect_eq "one reference inside the repository finds no file" \
	1 "$(jq .totals.unresolved scan.json)"

expect_eq "unparsable Ruby and a mid-file BOM are counted, not dropped" \
	"counted counted" \
	"$(jq -r '[.files[] | select(.path == "app/models/broken.rb" or
		.path == "app/models/bom.rb") | .status] | join(" ")' scan.json)"

# The rule of issue 18: federation must not use the models.
cat >rules.json <<'EOF'
{
  "contexts": {
    "federation": ["app/lib/activitypub/**"],
    "models": ["app/models/**"]
  },
  "rules": [ { "from": "federation", "to": "models", "allow": false } ]
}
EOF
expect_status "check: federation uses two models" 1 \
	"$CARVE" check -q -c rules.json scan.json
grep_q "the Status violation is reported" \
	"tag_manager.rb.*app/models/status.rb.*federation -> models" out
grep_q "two violations" "^2 violations" out

# The same scan from the caches: the same model.
expect_status "rescan from the caches" 0 \
	"$CARVE" scan -q --cache-dir cache -f json repo
expect_eq "cached edges equal the first scan's" \
	"$(jq -c .edges scan.json)" "$(jq -c .edges out)"

# The resolution cache notes inflections.rb: without the app's irregular,
# :cacti is Cacti, which no file defines.
sed -i '/irregular/d' repo/config/initializers/inflections.rb
expect_status "rescan after inflections.rb changed" 0 \
	"$CARVE" scan -q --cache-dir cache -f json repo
expect_eq "the association to Cactus is gone" "" \
	"$(jq -r '.edges[] | select(.to == "app/models/cactus.rb" and
		.from == "app/models/account.rb") | .to' out)"

done_testing
