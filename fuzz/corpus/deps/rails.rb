class Account < ApplicationRecord
  include Account::Avatar

  has_many :statuses, inverse_of: :account, dependent: :destroy
  has_many :media_attachments, -> { order(id: :desc) }, dependent: :destroy
  has_one :login, class_name: 'Identity::Login'
  belongs_to :owner, polymorphic: true
  has_many :followers, through: :follows, source: :people
  has_many :cacti
  has_many :posts,
           class_name: 'Blog::Post'

  MAX = 5

  def label
    "#{Formatter.new.format(self)} (#{id})"
  end
end
module ActivityPub
  class TagManager
    def uri_for(id) = Status.find(id)

    def local?(uri)
      return false if uri.nil?
      Account.exists?(uri: uri)
    end

    def adapter
      Adapter
    end
  end
end

Parser
module Admin
  class StatusWorker
    def perform(id)
      return if id.nil?

      while id.positive? do
        id -= 1
      end
      if id.zero?
        Status.find(id)
      end
    end
  end
end

Admin::StatusWorker.new.perform(Status.count)
x = "#{A::B + "#{C}"}" %Q(#{D}) <<~E
  #{F}
E
class << self; end
def y = Z
::Top
